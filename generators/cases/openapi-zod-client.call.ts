// Zodios validates the body against the generated zod schema before sending it, and inserts path parameters
// as they are: the spec tells its user to encode the identifier once, so we do.
import { createApiClient } from "./out/client";
import { people, target } from "./people";

const { url, authorization } = target();
const api = createApiClient(url);
for (const { identifier, attributes } of people) {
  await api.identify(attributes, {
    params: { identifier: encodeURIComponent(identifier) },
    headers: { authorization },
  });
}
