/**
 * Test helpers for the simulator: a simulator with a fixed clock, the real client wired to it in-process, and a
 * fetch wrapper that checks every response the simulator sends against the spec (openapi/customers.yaml for the
 * Track API, openapi/simulator.yaml for the inspection API). A test cannot pass on a response the spec refuses.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { expect } from "vitest";
import customersDocument from "../../generated/customers.document.js";
import simulatorDocument from "../../generated/simulator.document.js";
import { createCustomersClient } from "../../src/index.js";
import { createRawClient } from "../../src/raw.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { isEmailAddress } from "../../src/spec/limits.js";
import { validateResponse } from "../../src/spec/validator.js";
import { registerCredentials } from "../support/secrets.js";

export const BASE = "http://simulator.local";
/** The simulator's clock in every in-process test. */
export const NOW = 1_700_000_000_000;

type Json = Record<string, unknown>;

export interface Harness {
  sim: Simulator;
  /** sim.fetch, with each response checked against the spec. */
  fetch: (request: Request) => Promise<Response>;
  client: ReturnType<typeof createCustomersClient>;
  /** The typed openapi-fetch client (cio-customers/raw), wired the same way. */
  raw: ReturnType<typeof createRawClient>;
  /** Sends a PUT to the Track API with the right credentials; `body` is sent as given when a string. */
  put(
    identifier: string,
    body: unknown,
    init?: { headers?: Record<string, string>; rawPath?: boolean },
  ): Promise<Reply>;
  /** Calls the inspection API with the right credentials. */
  inspect(method: string, path: string, body?: unknown): Promise<Reply>;
  /** Exceptions the handler did not expect; every test file asserts this stays empty. */
  errors: unknown[];
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: Json;
}

export function basicAuth(siteId: string, apiKey: string): string {
  return `Basic ${btoa(`${siteId}:${apiKey}`)}`;
}

/** A simulator with the real client wired to it; `make` builds it (a deliberately broken one, for instance). */
export function harness(
  options: SimulatorOptions = {},
  make: (options: SimulatorOptions) => Simulator = createSimulator,
): Harness {
  const errors: unknown[] = [];
  const sim = make({ now: () => NOW, onError: (error) => errors.push(error), ...options });
  // No test may print the key (the print guard, test/support/print-guard.ts, fails it).
  registerCredentials(sim.siteId, sim.apiKey);
  const fetch = async (request: Request) => {
    const { method, url } = request;
    const response = await sim.fetch(request);
    expectConforming(
      method,
      new URL(url).pathname,
      response.status,
      response.headers.get("content-type"),
      await response.clone().text(),
    );
    return response;
  };
  const client = createCustomersClient({ siteId: sim.siteId, apiKey: sim.apiKey, baseUrl: BASE, fetch });
  const raw = createRawClient({ siteId: sim.siteId, apiKey: sim.apiKey, baseUrl: BASE, fetch });
  const authorization = basicAuth(sim.siteId, sim.apiKey);
  const send = async (request: Request): Promise<Reply> => {
    const response = await fetch(request);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseOrEmpty(text) };
  };
  return {
    sim,
    fetch,
    client,
    raw,
    errors,
    put(identifier, body, init = {}) {
      const path = init.rawPath ? identifier : encodeURIComponent(identifier);
      return send(
        new Request(`${BASE}/api/v1/customers/${path}`, {
          method: "PUT",
          headers: { authorization, "content-type": "application/json", ...init.headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      );
    },
    inspect(method, path, body) {
      return send(
        new Request(`${BASE}${path}`, {
          method,
          headers: { authorization, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
        }),
      );
    },
  };
}

function parseOrEmpty(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return {};
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
// The formats the simulator's document uses, checked rather than ignored (ajv would warn on each compile).
ajv.addFormat("email", { type: "string", validate: isEmailAddress });
ajv.addFormat("date-time", {
  type: "string",
  validate: (text) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text)),
});
ajv.addFormat("uri", { type: "string", validate: (text) => URL.canParse(text) });
const compiled = new Map<string, ValidateFunction>();
function schemaValidator(key: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema as Json);
    compiled.set(key, validate);
  }
  return validate;
}

const envelopeSchema = (customersDocument["components"] as Json)["schemas"] as Json;

/**
 * Asserts that a response conforms to the spec: the identify operation through the project's validateResponse,
 * the inspection API and the region lookup through their documents, and anything else (404, 405 on paths no
 * operation answers) through the error envelope's schema.
 */
export function expectConforming(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  body: string,
): void {
  const where = `${method} ${pathname} → ${status}`;
  if (pathname.startsWith("/api/v1/customers/") && method === "PUT" && !pathname.slice(18).includes("/")) {
    expect(validateResponse(status, contentType, body), where).toEqual([]);
    return;
  }
  expect(contentType, where).toBe("application/json; charset=utf-8");
  const value = JSON.parse(body) as unknown;
  const operation = findOperation(method, pathname);
  if (operation === undefined) {
    expect(status, where).toBeGreaterThanOrEqual(400);
    const validate = schemaValidator("envelope", envelopeSchema["ErrorEnvelope"]);
    expect(validate(value) ? [] : validate.errors, where).toEqual([]);
    return;
  }
  const responses = operation.operation["responses"] as Json;
  const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  expect(declared, `${where}: status not declared`).toBeDefined();
  const schema = (((declared as Json)["content"] as Json)["application/json"] as Json)["schema"];
  const validate = schemaValidator(`${operation.key} ${status}`, schema);
  expect(validate(value) ? [] : validate.errors, where).toEqual([]);
}

function findOperation(method: string, pathname: string): { key: string; operation: Json } | undefined {
  for (const document of [simulatorDocument, customersDocument]) {
    const paths = document["paths"] as Json;
    // Literal paths first, so /people/lookup is not read as /people/{cio_id}.
    const templates = Object.keys(paths).sort((a, b) => Number(a.includes("{")) - Number(b.includes("{")));
    for (const template of templates) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      if (!pattern.test(pathname)) continue;
      const operation = (paths[template] as Json)[method.toLowerCase()] as Json | undefined;
      return operation === undefined ? undefined : { key: `${method} ${template}`, operation };
    }
  }
  return undefined;
}

/** The activity entries of the newest Track API request. */
export function lastRequestEntries(sim: Simulator) {
  const entries = sim.activity();
  const last = entries.at(-1)?.request;
  return entries.filter((entry) => entry.request === last);
}

/**
 * The body of a refusal that names its problems: Customer.io's envelope (`meta`), and each problem beside it in
 * the shape of src/problem.ts, with the same messages in the same order.
 */
export function refusalOf(meta: { error: string } | { errors: readonly unknown[] }) {
  const messages = "error" in meta ? [meta.error] : meta.errors;
  return {
    meta,
    problems: messages.map((message) => ({
      code: expect.stringMatching(/^[a-z][a-z0-9_]*$/),
      path: expect.any(Array),
      message,
      source: expect.stringMatching(/^(seed|customerio|lint|bound)$/),
    })),
  };
}
