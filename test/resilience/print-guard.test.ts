/**
 * The print guard (test/support/print-guard.ts, a vitest setup file): it records what tests print and fails a
 * test that printed a registered secret. Here it is shown catching deliberate leaks of a fake key: once on fake
 * prints given to its check function, once on real console and stdout output (taken back before the guard's
 * own afterEach runs, so that this test itself passes). The deliberate leaks are recorded but never printed.
 */
import { describe, expect, it } from "vitest";
import { checkPrinted, leaksIn, takePrinted, unprinted } from "../support/print-guard.js";
import { registerCredentials, registerSecret, registeredSecrets, secretsIn } from "../support/secrets.js";

const FAKE_KEY = "fake-track-key-0b5e77";

describe("the print guard", () => {
  it("finds a registered secret in a fake print and names the channel, not the secret", () => {
    const leaks = leaksIn([{ channel: "console.log", text: `connecting with key=${FAKE_KEY}` }], [FAKE_KEY]);
    expect(leaks).toEqual(["console.log printed secret #1 (21 characters)"]);
    expect(leaks.join()).not.toContain(FAKE_KEY);
    expect(leaksIn([{ channel: "console.log", text: "nothing to see" }], [FAKE_KEY])).toEqual([]);
  });

  it("finds the Base64 and percent-encoded forms too (an Authorization header, a URL)", () => {
    const basic = Buffer.from(`site-1:${FAKE_KEY}`).toString("base64");
    expect(secretsIn(`Authorization: Basic ${basic}`, [basic])).toHaveLength(1);
    expect(secretsIn(`token=${Buffer.from(FAKE_KEY).toString("base64")}`, [FAKE_KEY])).toEqual([
      "secret #1 (21 characters, encoded)",
    ]);
    expect(secretsIn(`?k=${encodeURIComponent("key with spaces/1")}`, ["key with spaces/1"])).toHaveLength(1);
  });

  it("ignores values too short to guard", () => {
    const before = registeredSecrets().length;
    registerSecret("k");
    registerSecret("-");
    expect(registeredSecrets()).toHaveLength(before);
  });

  it("catches a deliberate leak through console and process.stdout for real", () => {
    registerCredentials("site-1", FAKE_KEY);
    takePrinted();
    unprinted(() => {
      console.log("a harmless line");
      console.warn(`deliberate leak: ${FAKE_KEY}`);
      process.stdout.write(`Authorization: Basic ${Buffer.from(`site-1:${FAKE_KEY}`).toString("base64")}\n`);
    });
    const leaks = leaksIn(takePrinted());
    expect(leaks).toContainEqual(expect.stringMatching(/^console\.warn printed secret #\d+/));
    expect(leaks).toContainEqual(expect.stringMatching(/^process\.stdout\.write printed secret #\d+/));
    expect(leaks.some((leak) => leak.startsWith("console.log"))).toBe(false);
  });

  it("fails with a message naming the test, never the secret", () => {
    registerSecret(FAKE_KEY);
    takePrinted();
    unprinted(() => console.error(`oops ${FAKE_KEY}`));
    let thrown: unknown;
    try {
      checkPrinted('Test "leaks on purpose"');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(
      /^Test "leaks on purpose" printed a registered secret: console\.error printed secret #\d+/,
    );
    expect((thrown as Error).message).not.toContain(FAKE_KEY);
    expect(takePrinted()).toEqual([]);
  });
});

describe("the print guard's recording", () => {
  it("copes with what console copes with: null-prototype objects, cycles, errors", () => {
    registerSecret(FAKE_KEY);
    takePrinted();
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { key: FAKE_KEY });
    const loop: Record<string, unknown> = {};
    loop["self"] = loop;
    unprinted(() => console.debug(bare, loop, new Error(`failed with ${FAKE_KEY}`)));
    const leaks = leaksIn(takePrinted());
    expect(leaks).toEqual([expect.stringMatching(/^console\.debug printed secret #\d+/)]);
  });
});

describe("unprinted()", () => {
  it("records what its work prints, for the guard to judge; returns its result and rethrows its error", () => {
    takePrinted();
    unprinted(() => console.warn("recorded only"));
    expect(takePrinted()).toEqual([{ channel: "console.warn", text: "recorded only" }]);
    expect(unprinted(() => 42)).toBe(42);
    expect(() =>
      unprinted(() => {
        throw new Error("thrown inside");
      }),
    ).toThrow("thrown inside");
  });
});
