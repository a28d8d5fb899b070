/**
 * The client options every API command shares: credentials from flags or the environment (`CIO_SITE_ID`,
 * `CIO_API_KEY`, `CIO_REGION`, `CIO_BASE_URL`), never echoed.
 */
import type { CustomersClientOptions, Region } from "../client/client.js";
import type { Flag } from "./command.js";
import { UsageError, wholeNumber } from "./values.js";

const group = "Connection (flags win over the environment)";

export const CONNECTION_FLAGS = {
  "site-id": { type: "string", value: "ID", help: "site ID ($CIO_SITE_ID)", group },
  "api-key": { type: "string", value: "KEY", help: "Track API key ($CIO_API_KEY); never printed", group },
  region: { type: "string", value: "R", help: "us, eu or auto ($CIO_REGION; default us)", group },
  "base-url": {
    type: "string",
    value: "URL",
    help: "send to this server instead, e.g. a simulator ($CIO_BASE_URL)",
    group,
  },
  "timeout-ms": { type: "string", value: "N", help: "per-attempt timeout in milliseconds (default 10000)", group },
} as const satisfies Record<string, Flag>;

/** How bodies are sent: shared by identify, update and import. */
export const SENDING_FLAGS = {
  "no-stamp": {
    type: "boolean",
    help: "send bodies as written, without the _timestamp the client adds by default (the time of the call,\nwhich keeps a late retry from overwriting a newer update)",
    group: "Sending",
  },
} as const satisfies Record<string, Flag>;

/** The client's stamping, from `--no-stamp`. */
export function stamping(values: { "no-stamp"?: boolean | undefined }): { stampTimestamps?: false } {
  return values["no-stamp"] === true ? { stampTimestamps: false } : {};
}

export function connection(
  values: {
    "site-id"?: string | undefined;
    "api-key"?: string | undefined;
    region?: string | undefined;
    "base-url"?: string | undefined;
    "timeout-ms"?: string | undefined;
  },
  env: Readonly<Record<string, string | undefined>>,
): Pick<CustomersClientOptions, "siteId" | "apiKey" | "region" | "baseUrl" | "timeoutMs"> {
  const siteId = values["site-id"] ?? env["CIO_SITE_ID"];
  const apiKey = values["api-key"] ?? env["CIO_API_KEY"];
  if (!siteId) throw new UsageError("a site ID is required: --site-id or CIO_SITE_ID");
  if (!apiKey) throw new UsageError("an API key is required: --api-key or CIO_API_KEY");
  const region = values.region ?? env["CIO_REGION"] ?? "us";
  if (region !== "us" && region !== "eu" && region !== "auto")
    throw new UsageError(`--region must be us, eu or auto, not ${JSON.stringify(region)}`);
  const options: Pick<CustomersClientOptions, "siteId" | "apiKey" | "region" | "baseUrl" | "timeoutMs"> = {
    siteId,
    apiKey,
    region: region as Region | "auto",
  };
  const baseUrl = values["base-url"] ?? env["CIO_BASE_URL"];
  if (baseUrl) options.baseUrl = baseUrl;
  const timeout = wholeNumber(values["timeout-ms"], "--timeout-ms", { min: 1 });
  if (timeout !== undefined) options.timeoutMs = timeout;
  return options;
}
