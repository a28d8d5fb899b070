// swagger-typescript-api inserts path parameters as they are: the spec tells its user to encode the identifier
// once, so we do.
import { Api } from "./out/api";
import { people, target } from "./people";

const { url, authorization } = target();
const api = new Api({ baseUrl: url, baseApiParams: { headers: { authorization } } });
for (const { identifier, attributes } of people) {
  const response = await api.api.identify(encodeURIComponent(identifier), attributes);
  if (response.status !== 200) throw new Error(`${identifier}: status ${response.status}`);
}
