/**
 * The client options every API command shares: credentials from flags or the environment (`CIO_SITE_ID`,
 * `CIO_API_KEY`, `CIO_REGION`, `CIO_BASE_URL`), never echoed.
 */
import type { CustomersClientOptions, Region } from "../client/client.js";
import { UsageError } from "./values.js";

export const CONNECTION_OPTIONS = {
  "site-id": { type: "string" },
  "api-key": { type: "string" },
  region: { type: "string" },
  "base-url": { type: "string" },
  "timeout-ms": { type: "string" },
} as const;

export const CONNECTION_HELP = `Connection (flags win over the environment):
  --site-id ID         site ID ($CIO_SITE_ID)
  --api-key KEY        Track API key ($CIO_API_KEY); never printed
  --region R           us, eu or auto ($CIO_REGION; default us)
  --base-url URL       send to this server instead, e.g. a simulator ($CIO_BASE_URL)
  --timeout-ms N       per-attempt timeout (default 10000)`;

export function connection(
  values: { "site-id"?: string; "api-key"?: string; region?: string; "base-url"?: string; "timeout-ms"?: string },
  env: NodeJS.ProcessEnv,
): Pick<CustomersClientOptions, "siteId" | "apiKey" | "region" | "baseUrl" | "timeoutMs"> {
  const siteId = values["site-id"] ?? env["CIO_SITE_ID"];
  const apiKey = values["api-key"] ?? env["CIO_API_KEY"];
  if (!siteId) throw new UsageError("a site ID is required: --site-id or CIO_SITE_ID");
  if (!apiKey) throw new UsageError("an API key is required: --api-key or CIO_API_KEY");
  const region = values.region ?? env["CIO_REGION"] ?? "us";
  if (region !== "us" && region !== "eu" && region !== "auto") throw new UsageError(`--region must be us, eu or auto, not ${region}`);
  const options: Pick<CustomersClientOptions, "siteId" | "apiKey" | "region" | "baseUrl" | "timeoutMs"> = { siteId, apiKey, region: region as Region | "auto" };
  const baseUrl = values["base-url"] ?? env["CIO_BASE_URL"];
  if (baseUrl) options.baseUrl = baseUrl;
  if (values["timeout-ms"] !== undefined) {
    const timeout = Number(values["timeout-ms"]);
    if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError("--timeout-ms must be a positive number");
    options.timeoutMs = timeout;
  }
  return options;
}
