/**
 * `cio-customers identify` and `cio-customers update`: one person, from the command line.
 */
import {
  addRelationships,
  deleteRelationships,
  setTopics,
  type Attributes,
  type RelatedObject,
} from "../client/attributes.js";
// The Node transport (undici), as Node resolves the package; a replaced globalThis.fetch still wins.
import { createCustomersClient } from "../node/index.js";
import type { Person } from "../client/person.js";
import { defineCommand, type Flags, type Values } from "./command.js";
import { CONNECTION_FLAGS, SENDING_FLAGS, connection, stamping } from "./credentials.js";
import { UsageError, keyValue, typedValue, unixTime } from "./values.js";

const describe = {
  identify: "Adds the person, or updates them (rules C1–C11).",
  update: "Updates the person and never creates one: sends _update: true (rules C23, C24).",
};

const WHO = "Who (exactly one)";
const ATTRIBUTES = "Attributes (repeatable)";

/** The flags of both commands. */
const FLAGS = {
  id: { type: "string", value: "ID", help: "the workspace's id for the person", group: WHO },
  email: { type: "string", value: "ADDRESS", help: "the person's email address", group: WHO },
  "cio-id": {
    type: "string",
    value: "CIO_ID",
    help: "Customer.io's id (cio_ is added when missing); needed to change a set id or email",
    group: WHO,
  },
  attr: {
    type: "string",
    multiple: true,
    value: "KEY=VALUE",
    help: "numbers, true/false and null are typed; anything else is a string (007 stays text)",
    group: ATTRIBUTES,
  },
  json: {
    type: "string",
    multiple: true,
    value: "KEY=JSON",
    help: 'a value written as JSON, e.g. --json \'address={"city":"London"}\'',
    group: ATTRIBUTES,
  },
  topic: {
    type: "string",
    multiple: true,
    value: "ID=BOOL",
    help: "one topic preference, keeping the others (dot notation), e.g. --topic 3=false",
    group: ATTRIBUTES,
  },
  relate: {
    type: "string",
    multiple: true,
    value: "TYPE:ID",
    help: "relate the person to an object, e.g. --relate 1:acme",
    group: ATTRIBUTES,
  },
  unrelate: {
    type: "string",
    multiple: true,
    value: "TYPE:ID",
    help: "remove that relationship",
    group: ATTRIBUTES,
  },
  "created-at": {
    type: "string",
    value: "WHEN",
    help: "Unix seconds or a date (2023-11-14T22:13:20Z)",
    group: ATTRIBUTES,
  },
  ...SENDING_FLAGS,
  ...CONNECTION_FLAGS,
} as const satisfies Flags;

type IdentifyValues = Values<typeof FLAGS>;

/** `identify` or `update`: the same flags, one sends `_update: true`. */
export function identifyCommand(command: "identify" | "update") {
  return defineCommand({
    name: command,
    synopsis: "(--id ID | --email ADDRESS | --cio-id CIO_ID) [attributes]",
    description: describe[command],
    flags: FLAGS,
    notes:
      "Exit codes: 0 accepted, 1 the API refused it or could not be reached, 2 usage or validation error (nothing sent).",
    async run({ values, io }) {
      const person = personFrom(values);
      const attributes = attributesFrom(values);
      const client = createCustomersClient({
        ...connection(values, io.env),
        ...stamping(values),
        userAgent: "cio-customers-cli",
      });
      const result =
        command === "update" ? await client.update(person, attributes) : await client.identify(person, attributes);
      const after = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
      io.stdout.write(
        command === "update"
          ? `Sent with _update: true; ${client.baseUrl} answered ${result.status}${after}. The person is updated if they exist; nobody is created if they do not.\n`
          : `Identified: ${result.status} from ${client.baseUrl}${after}\n`,
      );
      return 0;
    },
  });
}

/** The attributes the flags give: typed values, JSON values, topics, relationships and created_at. */
function attributesFrom(values: IdentifyValues): Attributes {
  const attributes: Attributes = {};
  for (const item of values.attr ?? []) {
    const [key, value] = keyValue(item, "--attr");
    attributes[key] = typedValue(value);
  }
  for (const item of values.json ?? []) {
    const [key, value] = keyValue(item, "--json");
    try {
      attributes[key] = JSON.parse(value) as Attributes[string];
    } catch {
      throw new UsageError(`--json ${key}=… is not valid JSON`);
    }
  }
  Object.assign(attributes, setTopics(topicsFrom(values.topic ?? [])), relationshipsFrom(values));
  if (values["created-at"] !== undefined) attributes["created_at"] = unixTime(values["created-at"], "--created-at");
  return attributes;
}

function topicsFrom(items: readonly string[]): Record<string, boolean> {
  const topics: Record<string, boolean> = {};
  for (const item of items) {
    const [id, value] = keyValue(item, "--topic");
    if (value !== "true" && value !== "false") throw new UsageError(`--topic ${id}= takes true or false`);
    topics[id] = value === "true";
  }
  return topics;
}

function relationshipsFrom(values: IdentifyValues): Attributes {
  const related = (values.relate ?? []).map((item) => objectRef(item, "--relate"));
  const unrelated = (values.unrelate ?? []).map((item) => objectRef(item, "--unrelate"));
  if (related.length && unrelated.length)
    throw new UsageError("--relate and --unrelate cannot be combined in one call");
  if (related.length) return addRelationships(related);
  if (unrelated.length) return deleteRelationships(unrelated);
  return {};
}

function personFrom(values: {
  id?: string | undefined;
  email?: string | undefined;
  "cio-id"?: string | undefined;
}): Person {
  const given = [values.id !== undefined, values.email !== undefined, values["cio-id"] !== undefined].filter(
    Boolean,
  ).length;
  if (given !== 1) throw new UsageError("give exactly one of --id, --email or --cio-id");
  if (values.id !== undefined) return { id: values.id };
  if (values.email !== undefined) return { email: values.email };
  return { cioId: values["cio-id"] ?? "" };
}

function objectRef(text: string, flag: string): RelatedObject {
  const at = text.indexOf(":");
  if (at <= 0 || at === text.length - 1) throw new UsageError(`${flag} takes TYPE:ID, e.g. 1:acme`);
  return { type: text.slice(0, at) as `${number}`, id: text.slice(at + 1) };
}
