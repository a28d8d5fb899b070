/**
 * `cio-customers simulate` / `npm run simulate`: serves the simulator on a local port until SIGINT or SIGTERM.
 *
 * It prints the base URL and the credentials to use. Printing the key is intended: it is the simulator's own
 * local test key, not a Customer.io secret.
 */
import { parseArgs } from "node:util";
import { serveSimulator } from "./server.js";
import type { WorkspaceSettings } from "./types.js";

export interface CommandIo {
  /** Where normal output goes. Default: process.stdout. */
  out?: (text: string) => void;
  /** Where errors go. Default: process.stderr. */
  err?: (text: string) => void;
  /** Stops the server when aborted, as SIGINT or SIGTERM do. */
  signal?: AbortSignal;
}

const USAGE = `Usage: cio-customers simulate [options]

Serves a stateful simulator of Customer.io's PUT /api/v1/customers/{identifier} on a local port, with its
people and activity log under /__simulator/. Stops on Ctrl+C (SIGINT) or SIGTERM.

Options:
  --port <n>                          Port to listen on (default 4010; 0 picks a free one)
  --host <address>                    Address to listen on (default 127.0.0.1)
  --site-id <id>                      Site ID the simulator accepts (default sim-site)
  --api-key <key>                     API key the simulator accepts (default sim-key)
  --workspace-identified-by <mode>    email_or_id (default) or id
  --allow-email-updates-by-id         Turn on "Allow updates to email using ID" (rule C6)
  -h, --help                          Show this help
`;

/** Runs the command; resolves with the exit code once the server has stopped (0), or at once on bad usage (2). */
export async function simulateCommand(argv: string[], io: CommandIo = {}): Promise<number> {
  const out = io.out ?? ((text: string) => void process.stdout.write(text));
  const err = io.err ?? ((text: string) => void process.stderr.write(text));

  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        "site-id": { type: "string", default: "sim-site" },
        "api-key": { type: "string", default: "sim-key" },
        "workspace-identified-by": { type: "string", default: "email_or_id" },
        "allow-email-updates-by-id": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port) || port > 65535) {
    err(`--port must be a whole number from 0 to 65535\n\n${USAGE}`);
    return 2;
  }
  const identifiedBy = values["workspace-identified-by"];
  if (identifiedBy !== "email_or_id" && identifiedBy !== "id") {
    err(`--workspace-identified-by must be email_or_id or id\n\n${USAGE}`);
    return 2;
  }
  if (values["site-id"] === "" || values["api-key"] === "" || values["site-id"].includes(":")) {
    err(`--site-id and --api-key must not be empty, and the site ID cannot contain ':'\n\n${USAGE}`);
    return 2;
  }
  const workspace: WorkspaceSettings = { identifiedBy, allowEmailUpdatesById: values["allow-email-updates-by-id"] };

  let served;
  try {
    served = await serveSimulator({ port, host: values.host, siteId: values["site-id"], apiKey: values["api-key"], workspace });
  } catch (error) {
    err(`Cannot listen on ${values.host}:${values.port}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  const { url, simulator } = served;
  out(
    [
      `cio-customers simulator listening on ${url}`,
      `  site ID:    ${simulator.siteId}`,
      `  API key:    ${simulator.apiKey}`,
      `  workspace:  identified by ${workspace.identifiedBy}; email updates by id ${workspace.allowEmailUpdatesById ? "allowed" : "not allowed"}`,
      `  try:        curl -u ${simulator.siteId}:${simulator.apiKey} -X PUT -H 'Content-Type: application/json' -d '{"email":"ada@example.com"}' ${url}/api/v1/customers/ada`,
      `  inspect:    curl -u ${simulator.siteId}:${simulator.apiKey} ${url}/__simulator/people`,
      "Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener("abort", stop, { once: true });
  });
  await served.close();
  out("Simulator stopped.\n");
  return 0;
}
