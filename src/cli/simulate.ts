/**
 * `cio-customers simulate` / `npm run simulate`: serves the simulator on a local port until Ctrl-C (SIGINT),
 * SIGTERM or the I/O's signal.
 *
 * It prints the base URL and the credentials to use. Printing the key is intended: it is the simulator's own
 * local test key, not a Customer.io secret.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { RecordedRequest } from "../simulator/requests.js";
import { serveSimulator, type ServedSimulator, type ServeSimulatorOptions } from "../simulator/server.js";
import { StateFileError } from "../simulator/state.js";
import type { WorkspaceSettings } from "../simulator/types.js";
import { defineCommand, type Flags, type Values } from "./command.js";
import type { CliIo } from "./io.js";
import { UsageError, wholeNumber } from "./values.js";

const FLAGS = {
  port: { type: "string", value: "N", help: "port to listen on (default 4010; 0 picks a free one)" },
  host: { type: "string", value: "ADDRESS", help: "address to listen on (default 127.0.0.1)" },
  "site-id": { type: "string", value: "ID", help: "site ID the simulator accepts (default sim-site)" },
  "api-key": { type: "string", value: "KEY", help: "API key the simulator accepts (default sim-key)" },
  "workspace-identified-by": { type: "string", value: "MODE", help: "email_or_id (default) or id" },
  "allow-email-updates-by-id": { type: "boolean", help: 'turn on "Allow updates to email using ID" (rule C6)' },
  "body-identifier-precedence": {
    type: "string",
    value: "FIELD",
    help: "id (default) or email: which body identifier finds the person when they name two people",
  },
  "path-replaces-set-identifier": {
    type: "boolean",
    help: "a person found through the body takes the path identifier even over one they hold (C3 over C5)",
  },
  "deleted-anonymous-ids": {
    type: "string",
    value: "MODE",
    help: "reserved (default) or released: whether a deleted person's anonymous ids can be taken again",
  },
  cors: { type: "boolean", help: "let web pages on other origins call it from a browser (off by default)" },
  strict: {
    type: "boolean",
    help: "also refuse what only this project's lint refuses (a numeric id, unsubscribed null, …)",
  },
  processing: {
    type: "string",
    value: "MODE",
    help: "immediate (default) or eventual: answer 200 {} at once, apply later",
  },
  "settle-delay-ms": {
    type: "string",
    value: "N",
    help: "eventual: apply waiting calls this long after the first (default 1000)",
  },
  workers: { type: "string", value: "N", help: "eventual: calls decided against the same state (default 4)" },
  state: {
    type: "string",
    value: "FILE",
    help: "keep people, settings and the activity numbering in FILE across restarts",
  },
  record: {
    type: "string",
    value: "FILE",
    help: "append every Track API request and its answer to FILE as NDJSON, as they happen (credentials redacted)",
  },
  "request-log-size": {
    type: "string",
    value: "N",
    help: "requests kept for GET /__simulator/requests (default 1000; 0 keeps none)",
  },
} as const satisfies Flags;

export const simulateCommand = defineCommand({
  name: "simulate",
  synopsis: "[options]",
  description: `Serves a stateful simulator of Customer.io's PUT /api/v1/customers/{identifier} on a local port, with its
people and activity log under /__simulator/. Stops on Ctrl+C (SIGINT) or SIGTERM.`,
  flags: FLAGS,
  notes: "Exit codes: 0 stopped, 1 cannot listen on the address or load the state file, 2 usage error.",
  async run({ values, io }) {
    const options = serveOptions(values);
    const { record } = values;
    if (record === "") throw new UsageError("--record needs a file name");
    let recorder: Recorder | undefined;
    if (record !== undefined) {
      try {
        recorder = openRecorder(record);
      } catch (error) {
        const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
        io.stderr.write(`cio-customers simulate: cannot write the record file ${record}: ${reason}\n`);
        return 1;
      }
    }
    let served: ServedSimulator;
    try {
      served = await serveSimulator({ ...options, ...(recorder === undefined ? {} : { onRequest: recorder.write }) });
    } catch (error) {
      if (error instanceof StateFileError) {
        io.stderr.write(`cio-customers simulate: ${error.message}\n`);
        return 1;
      }
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`cio-customers simulate: cannot listen on ${options.host}:${options.port}: ${reason}\n`);
      recorder?.close();
      return 1;
    }
    io.stdout.write(banner(served, options.state, record));
    await stopRequested(io);
    await served.close();
    recorder?.close();
    io.stdout.write("Simulator stopped.\n");
    return 0;
  },
});

/** The server's options, from the flags; a UsageError names the first flag at fault. */
function serveOptions(values: Values<typeof FLAGS>) {
  const siteId = values["site-id"] ?? "sim-site";
  const apiKey = values["api-key"] ?? "sim-key";
  if (siteId === "" || apiKey === "" || siteId.includes(":"))
    throw new UsageError("--site-id and --api-key must not be empty, and the site ID cannot contain ':'");
  const workspace = workspaceFrom(values);
  const processing = values.processing ?? "immediate";
  if (processing !== "immediate" && processing !== "eventual")
    throw new UsageError(`--processing must be immediate or eventual, not ${JSON.stringify(processing)}`);
  const delayMs = wholeNumber(values["settle-delay-ms"], "--settle-delay-ms", { min: 0, max: 3_600_000 });
  const workers = wholeNumber(values.workers, "--workers", { min: 1, max: 1000 });
  const { state } = values;
  if (state === "") throw new UsageError("--state needs a file name");
  const requestLogSize = wholeNumber(values["request-log-size"], "--request-log-size", { min: 0 });
  return {
    port: wholeNumber(values.port, "--port", { min: 0, max: 65535 }) ?? 4010,
    host: values.host ?? "127.0.0.1",
    siteId,
    apiKey,
    workspace,
    cors: values.cors === true,
    strict: values.strict === true,
    processing,
    eventual: { ...(delayMs !== undefined && { delayMs }), ...(workers !== undefined && { workers }) },
    ...(state === undefined ? {} : { state }),
    ...(requestLogSize === undefined ? {} : { requestLogSize }),
  } satisfies ServeSimulatorOptions;
}

/** The workspace settings, from the flags. */
function workspaceFrom(values: Values<typeof FLAGS>): WorkspaceSettings {
  const identifiedBy = values["workspace-identified-by"] ?? "email_or_id";
  if (identifiedBy !== "email_or_id" && identifiedBy !== "id")
    throw new UsageError(`--workspace-identified-by must be email_or_id or id, not ${JSON.stringify(identifiedBy)}`);
  const precedence = values["body-identifier-precedence"] ?? "id";
  if (precedence !== "id" && precedence !== "email")
    throw new UsageError(`--body-identifier-precedence must be id or email, not ${JSON.stringify(precedence)}`);
  const deletedAnonymousIds = values["deleted-anonymous-ids"] ?? "reserved";
  if (deletedAnonymousIds !== "reserved" && deletedAnonymousIds !== "released")
    throw new UsageError(
      `--deleted-anonymous-ids must be reserved or released, not ${JSON.stringify(deletedAnonymousIds)}`,
    );
  return {
    identifiedBy,
    allowEmailUpdatesById: values["allow-email-updates-by-id"] === true,
    bodyIdentifierPrecedence: precedence,
    pathReplacesSetIdentifier: values["path-replaces-set-identifier"] === true,
    deletedAnonymousIds,
  };
}

/** What the served simulator says when it starts: where it listens, its credentials and how to try it. */
function banner({ url, simulator }: ServedSimulator, state: string | undefined, record: string | undefined): string {
  const settings = simulator.settings();
  const loaded = simulator.peoplePage({ limit: 1 }).people.length === 0 ? "empty" : "loaded";
  return [
    `cio-customers simulator listening on ${url}`,
    `  site ID:    ${simulator.siteId}`,
    `  API key:    ${simulator.apiKey}`,
    `  workspace:  identified by ${settings.identifiedBy}; email updates by id ${settings.allowEmailUpdatesById ? "allowed" : "not allowed"}`,
    ...(state === undefined ? [] : [`  state:      ${state} (${loaded}; written after changes and at exit)`]),
    `  try:        curl -u ${simulator.siteId}:${simulator.apiKey} -X PUT -H 'Content-Type: application/json' -d '{"email":"ada@example.com"}' ${url}/api/v1/customers/ada`,
    `  inspect:    curl -u ${simulator.siteId}:${simulator.apiKey} ${url}/__simulator/people`,
    ...(record === undefined
      ? []
      : [
          `  recording:  every Track API request to ${record} (NDJSON; judge it with cio-customers conformance --traffic ${record})`,
        ]),
    "Stop with Ctrl+C.",
    "",
  ].join("\n");
}

interface Recorder {
  write(request: RecordedRequest): void;
  close(): void;
}

/** Appends each answered request as one JSON line, synchronously, so the file holds every request answered so far. */
function openRecorder(path: string): Recorder {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const fd = openSync(path, "a");
  return {
    write: (request) => void writeSync(fd, `${JSON.stringify(request)}\n`),
    close: () => closeSync(fd),
  };
}

/** Resolves on the I/O's signal, or without one on SIGINT or SIGTERM. */
function stopRequested(io: CliIo): Promise<void> {
  return new Promise<void>((resolve) => {
    const signal = io.signal;
    if (signal) {
      if (signal.aborted) resolve();
      else signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
