// orval inserts path parameters as they are: the spec tells its user to encode the identifier once, so we do.
import { identify } from "./out/client";
import { people } from "./people";

for (const { identifier, attributes } of people) {
  const answer = await identify(encodeURIComponent(identifier), attributes);
  if (answer.status !== 200) throw new Error(`${identifier}: status ${answer.status}`);
}
