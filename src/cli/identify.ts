/**
 * `cio-customers identify` and `cio-customers update`: one person, from the command line.
 */
import { parseArgs } from "node:util";
import { addRelationships, deleteRelationships, setTopics, type Attributes, type RelatedObject } from "../client/attributes.js";
import { createCustomersClient } from "../client/client.js";
import { CustomersError, ValidationError } from "../client/errors.js";
import type { Person } from "../client/person.js";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connection } from "./credentials.js";
import { UsageError, keyValue, typedValue, unixTime } from "./values.js";

export const identifyHelp = (command: "identify" | "update") => `Usage: cio-customers ${command} (--id ID | --email ADDRESS | --cio-id CIO_ID) [attributes]

${command === "identify" ? "Adds the person, or updates them (rules C1–C11)." : "Updates the person and never creates one: sends _update: true (rules C23, C24)."}

Who:
  --id ID              the workspace's id for the person
  --email ADDRESS      the person's email address
  --cio-id CIO_ID      Customer.io's id (cio_ is added when missing); needed to change a set id or email

Attributes (repeatable):
  --attr KEY=VALUE     numbers, true/false and null are typed; anything else is a string (007 stays text)
  --json KEY=JSON      a value written as JSON, e.g. --json 'address={"city":"London"}'
  --topic ID=BOOL      one topic preference, keeping the others (dot notation), e.g. --topic 3=false
  --relate TYPE:ID     relate the person to an object, e.g. --relate 1:acme
  --unrelate TYPE:ID   remove that relationship
  --created-at WHEN    Unix seconds or a date (2023-11-14T22:13:20Z)

${CONNECTION_HELP}

Exit codes: 0 accepted, 1 the API refused it or could not be reached, 2 usage or validation error (nothing sent).
`;

export async function identifyCommand(command: "identify" | "update", argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...CONNECTION_OPTIONS,
        id: { type: "string" },
        email: { type: "string" },
        "cio-id": { type: "string" },
        attr: { type: "string", multiple: true },
        json: { type: "string", multiple: true },
        topic: { type: "string", multiple: true },
        relate: { type: "string", multiple: true },
        unrelate: { type: "string", multiple: true },
        "created-at": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      process.stdout.write(identifyHelp(command));
      return 0;
    }
    const person = personFrom(values);
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
    const topics: Record<string, boolean> = {};
    for (const item of values.topic ?? []) {
      const [id, value] = keyValue(item, "--topic");
      if (value !== "true" && value !== "false") throw new UsageError(`--topic ${id}= takes true or false`);
      topics[id] = value === "true";
    }
    Object.assign(attributes, setTopics(topics));
    const related = (values.relate ?? []).map((item) => objectRef(item, "--relate"));
    const unrelated = (values.unrelate ?? []).map((item) => objectRef(item, "--unrelate"));
    if (related.length && unrelated.length) throw new UsageError("--relate and --unrelate cannot be combined in one call");
    if (related.length) Object.assign(attributes, addRelationships(related));
    if (unrelated.length) Object.assign(attributes, deleteRelationships(unrelated));
    if (values["created-at"] !== undefined) attributes["created_at"] = unixTime(values["created-at"], "--created-at");

    const client = createCustomersClient({ ...connection(values, env), userAgent: "cio-customers-cli" });
    const result = command === "update" ? await client.update(person, attributes) : await client.identify(person, attributes);
    process.stdout.write(`${command === "update" ? "Updated" : "Identified"}: ${result.status} from ${client.baseUrl}${result.attempts > 1 ? ` after ${result.attempts} attempts` : ""}\n`);
    return 0;
  } catch (error) {
    return reportError(command, error);
  }
}

function personFrom(values: { id?: string; email?: string; "cio-id"?: string }): Person {
  const given = [values.id !== undefined, values.email !== undefined, values["cio-id"] !== undefined].filter(Boolean).length;
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

/** Prints an error the way every command does; returns the exit code. */
export function reportError(command: string, error: unknown): number {
  if (error instanceof UsageError || error instanceof ValidationError || isParseArgsError(error)) {
    process.stderr.write(`cio-customers ${command}: ${(error as Error).message}\nRun cio-customers ${command} --help for the options.\n`);
    return 2;
  }
  if (error instanceof CustomersError) {
    process.stderr.write(`cio-customers ${command}: ${error.message}\n`);
    return 1;
  }
  throw error;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
