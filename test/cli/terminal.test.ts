/**
 * A 5,000-record import on a terminal: the binary runs under `script`, which gives it a pseudo-terminal, and
 * everything it drew is read back. The bar counts records, the estimate is labelled and well formed, no Node
 * warning appears (many requests in flight once printed MaxListenersExceededWarning), and the bar is cleared
 * before the summary.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duration, estimate } from "../../src/cli/progress.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerSecret } from "../support/secrets.js";
import { ROOT } from "./support.js";

const KEY = "terminal-secret-key-5150";
registerSecret(KEY);
let served: ServedSimulator;
let dir: string;

beforeAll(async () => {
  served = await serveSimulator({ port: 0, apiKey: KEY });
  dir = mkdtempSync(join(tmpdir(), "cio-terminal-"));
});
afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a shell command line on a pseudo-terminal 120 columns wide; resolves with all it drew. */
function onTerminal(command: string, env: Record<string, string>): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-q", "-e", "-c", `stty cols 120 rows 40; ${command}`, "/dev/null"], {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", TERM: "xterm", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => (screen += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (screen += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, screen }));
  });
}

describe("import on a terminal", () => {
  it("5,000 records: a bar in records, a labelled estimate, no warning, and a clean summary", async () => {
    const file = join(dir, "people.csv");
    writeFileSync(file, `id,plan\n${Array.from({ length: 5000 }, (_, i) => `t${i + 1},basic`).join("\n")}\n`);
    // Paced at 1,000 a second, the run lasts long enough for the estimate to appear on any machine.
    const { code, screen } = await onTerminal(
      `exec node --import tsx src/cli.ts import ${file} --rate 1000 --concurrency 32`,
      {
        CIO_SITE_ID: served.simulator.siteId,
        CIO_API_KEY: KEY,
        CIO_BASE_URL: served.url,
      },
    );
    expect(code, screen.slice(-2000)).toBe(0);
    expect(served.simulator.people()).toHaveLength(5000);
    expect(screen).not.toMatch(/Warning|MaxListeners|Error|\n\s+at /);

    const frames = screen.split("\u001b[1G").filter((frame) => frame.includes("records settled"));
    expect(frames.length).toBeGreaterThan(5);
    for (const frame of frames) {
      expect(frame).toMatch(/[█░]{20} \d+ records settled: \d+ accepted, 0 refused \| \d+ records\/s/);
      expect(frame).not.toMatch(/NaN|Infinity|NF|LL|undefined/);
    }
    const estimates = frames
      .map((frame) => /\| (about \S+ left \(estimated from bytes\))/.exec(frame)?.[1])
      .filter((e) => e !== undefined);
    expect(estimates.length).toBeGreaterThan(0);
    for (const text of estimates)
      expect(text).toMatch(/^about (\d+h\d\dm|\d+m\d\ds|\d+s) left \(estimated from bytes\)$/);
    // The first frames have too little behind them for an estimate.
    expect(frames[0]).not.toContain("left");
    // Counted in records: the last frame has all of them.
    expect(frames.at(-1)).toMatch(/5000 records settled: 5000 accepted/);

    // The bar is erased (ESC[2K) before the summary, which is then the only text on its line.
    const afterClear = screen.slice(screen.lastIndexOf("\u001b[2K") + 4);
    expect(afterClear).toMatch(
      /^Import of \S+people\.csv: 5000 records read: 5000 accepted, 0 refused, 0 not sent; in [\d.]+ s \(\d+ records\/s\)\.\r?\n$/,
    );
  }, 300_000);
});

describe("the estimate", () => {
  it("is absent until a few seconds and a few percent are behind it, and without a known size", () => {
    expect(estimate(500, 1000, 2999)).toBeUndefined();
    expect(estimate(10, 1000, 10_000)).toBeUndefined();
    expect(estimate(500, undefined, 10_000)).toBeUndefined();
    expect(estimate(0, 0, 10_000)).toBeUndefined();
    expect(estimate(500, 1000, 10_000)).toBe("about 10s left (estimated from bytes)");
    expect(estimate(250, 1000, 30_000)).toBe("about 1m30s left (estimated from bytes)");
    expect(estimate(2000, 1000, 30_000)).toBe("about 0s left (estimated from bytes)");
  });

  it("reads as hours, minutes and seconds", () => {
    expect(duration(0)).toBe("0s");
    expect(duration(59_400)).toBe("59s");
    expect(duration(65_000)).toBe("1m05s");
    expect(duration(3_725_000)).toBe("1h02m");
  });
});
