/**
 * Checks that an error (or any thrown value) does not reveal secrets or personal data through any of the ways
 * errors usually get printed: message, stack, JSON.stringify and util.inspect.
 */
import { inspect } from "node:util";
import { expect } from "vitest";

export function renderings(error: unknown): Record<string, string> {
  const e = error as { message?: unknown; stack?: unknown };
  return {
    message: String(e?.message ?? ""),
    stack: String(e?.stack ?? ""),
    json: JSON.stringify(error) ?? "",
    inspect: inspect(error, { depth: 5 }),
    string: String(error),
  };
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
