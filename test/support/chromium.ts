/**
 * The Chromium the browser checks drive (through playwright-core, which never downloads one here): the binary
 * $CHROMIUM_PATH names, else the first of the usual Debian, Ubuntu and Google Chrome paths that exists.
 *
 * Outside CI a missing browser skips the browser checks, saying in one line how to run them; in CI ($CI set) they
 * run anyway and fail on the missing browser, so a CI machine without one cannot pass.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
];

/** The browser to drive, or undefined when there is none ($CHROMIUM_PATH naming a missing file counts as none). */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const named = env["CHROMIUM_PATH"];
  if (named !== undefined && named !== "") return exists(named) ? named : undefined;
  return CHROMIUM_PATHS.find((path) => exists(path));
}

export const HOW_TO_GET_CHROMIUM =
  "install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary";

/** Headless flags: no sandbox (CI runs as root), and none of Chromium's own calls home. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const isCi = (env: NodeJS.ProcessEnv) => env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false";

/**
 * The one line saying the browser checks of `what` are skipped and how to run them, when they are: no browser, and
 * not in CI. Undefined when they run (a browser was found, or CI, where a missing browser must fail).
 */
export function skipLine(
  what: string,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (findChromium(env, exists) !== undefined || isCi(env)) return undefined;
  return `skipped ${what}: no Chromium found; ${HOW_TO_GET_CHROMIUM}`;
}

/** Why there is no browser to drive, and how to get one; undefined when there is one. */
export function missingChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (findChromium(env, exists) !== undefined) return undefined;
  const named = env["CHROMIUM_PATH"];
  return `no Chromium found (${named ? `CHROMIUM_PATH=${named} does not exist` : `looked in ${CHROMIUM_PATHS.join(", ")}`}); ${HOW_TO_GET_CHROMIUM}`;
}

/** The browser's path; empty when there is none (the checks are skipped then, outside CI). */
export const CHROMIUM = findChromium() ?? "";

/** True when the browser checks of a file should be skipped: no browser, and not in CI. Says so, once per file. */
export function skipBrowserChecks(what: string): boolean {
  const line = skipLine(what);
  if (line !== undefined) console.log(line);
  return line !== undefined;
}

/** For a beforeAll of the browser checks: fails with the way to get a browser when there is none (in CI). */
export function assertChromium(): void {
  const missing = missingChromium();
  if (missing !== undefined) throw new Error(missing);
}
