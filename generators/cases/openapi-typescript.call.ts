// openapi-fetch encodes path parameters itself: the identifier is passed as it is.
import createClient from "openapi-fetch";
import type { paths } from "./out/customers";
import { people, target } from "./people";

const { url, authorization } = target();
const client = createClient<paths>({ baseUrl: url, headers: { authorization } });
for (const { identifier, attributes } of people) {
  const { response } = await client.PUT("/api/v1/customers/{identifier}", {
    params: { path: { identifier } },
    body: attributes,
  });
  if (response.status !== 200) throw new Error(`${identifier}: status ${response.status}`);
}
