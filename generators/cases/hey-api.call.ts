// The generated client serializes path parameters with encodeURIComponent: the identifier is passed as it is.
import { client } from "./out/client.gen";
import { identify } from "./out/sdk.gen";
import { people, target } from "./people";

const { url, authorization } = target();
client.setConfig({ baseUrl: url, headers: { authorization } });
for (const { identifier, attributes } of people) {
  const { response } = await identify({ path: { identifier }, body: attributes });
  if (response.status !== 200) throw new Error(`${identifier}: status ${response.status}`);
}
