/**
 * Checks that an error (or any thrown value) does not reveal secrets or personal data through any of the ways
 * errors usually get printed: message, stack, JSON.stringify and util.inspect, for the error and for every
 * error in its `cause` chain (enumerable or not: util.inspect prints `cause` either way).
 */
import { inspect } from "node:util";
import { expect } from "vitest";

/** The error and the errors it was caused by, outermost first (at most 10 levels). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 10) {
    chain.push(current);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

export function renderings(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  causeChain(error).forEach((level, depth) => {
    const e = level as { message?: unknown; stack?: unknown };
    const prefix = depth === 0 ? "" : `cause[${depth}].`;
    out[`${prefix}message`] = String(e?.message ?? "");
    out[`${prefix}stack`] = String(e?.stack ?? "");
    out[`${prefix}json`] = JSON.stringify(level) ?? "";
    out[`${prefix}inspect`] = inspect(level, { depth: 5 });
    out[`${prefix}string`] = String(level);
  });
  return out;
}

/** Fails when any of `secrets` appears in any rendering of `error`, or in its Base64 Basic form. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const forms = secrets.flatMap((secret) => [secret, Buffer.from(secret).toString("base64")]);
  for (const [how, text] of Object.entries(renderings(error))) {
    for (const secret of forms) {
      expect(text.includes(secret), `${how} of the error reveals a secret or a personal value`).toBe(false);
    }
  }
}

/*
 * The registry of secrets that no test may print. Tests register the API keys they create (registerSecret,
 * registerCredentials); the print guard (print-guard.ts, a vitest setup file) fails any test whose console or
 * stdout/stderr output contains one of them, in any of the forms below.
 */

/** Kept on globalThis, so that the setup file and the test file share it even if a module were loaded twice. */
const REGISTRY = Symbol.for("cio-customers.test.registered-secrets");
/** Shorter values (`"k"`, `"-"`) would match ordinary output; they are not worth guarding. */
export const MIN_SECRET_LENGTH = 5;

function registry(): Set<string> {
  const holder = globalThis as { [REGISTRY]?: Set<string> };
  holder[REGISTRY] ??= new Set<string>();
  return holder[REGISTRY];
}

/** Registers a value that must never be printed (an API key, a Basic credential). Short values are ignored. */
export function registerSecret(value: string): void {
  if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) registry().add(value);
}

/** Registers a Track API key and the `siteId:apiKey` pair that HTTP Basic sends (Base64-encoded) with it. */
export function registerCredentials(siteId: string, apiKey: string): void {
  registerSecret(apiKey);
  registerSecret(Buffer.from(`${siteId}:${apiKey}`).toString("base64"));
}

export function registeredSecrets(): readonly string[] {
  return [...registry()];
}

/** The forms in which a secret gets printed: as is, Base64-encoded, and percent-encoded. */
function formsOf(secret: string): string[] {
  return [...new Set([secret, Buffer.from(secret).toString("base64"), encodeURIComponent(secret)])];
}

/**
 * Which secrets appear in `text`, described without the secret itself (its position in `secrets` and the form
 * found), so that the report of a leak does not leak it again.
 */
export function secretsIn(text: string, secrets: readonly string[] = registeredSecrets()): string[] {
  const found: string[] = [];
  secrets.forEach((secret, index) => {
    const forms = formsOf(secret);
    const hit = forms.findIndex((form) => text.includes(form));
    if (hit >= 0) found.push(`secret #${index + 1} (${secret.length} characters${hit === 0 ? "" : ", encoded"})`);
  });
  return found;
}
