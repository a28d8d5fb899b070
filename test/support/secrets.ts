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
