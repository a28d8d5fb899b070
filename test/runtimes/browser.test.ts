/**
 * The client in a browser: the main entry's browser build (src/browser.ts, what the package's `browser` condition
 * names) bundled for the browser by esbuild (as a web app's bundler would), loaded by a page served from one origin,
 * calling a simulator served from another over HTTP (`cors: true`, as `cio-customers simulate --cors`). The page
 * identifies a person, updates them, and has bad input refused before sending; the simulator's state shows what
 * arrived. Without CORS on the simulator the same page's call fails. A redirect reaches the page as the browser's
 * opaque answer, which is why the browser build leaves following out.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, skipBrowserChecks } from "../support/chromium.js";

const skip = skipBrowserChecks("the client's browser check (test/runtimes/browser.test.ts)");
let browser: Browser | undefined;
let page: { server: Server; origin: string } | undefined;
let bundleSize = 0;

/** What the page does, given the simulator's URL; it reports back as JSON. */
const pageScript = `
import { createCustomersClient, ValidationError } from "./client.js";
window.runClient = async (baseUrl) => {
  const client = createCustomersClient({ siteId: "sim-site", apiKey: "sim-key", baseUrl, retry: { retries: 0 } });
  const result = { userAgent: navigator.userAgent };
  try {
    await client.identify({ email: "ada@example.com" }, { first_name: "Ada", plan: "basic", created_at: new Date("2023-11-14T22:13:20Z") });
    await client.update({ email: "ada@example.com" }, { plan: "premium" });
    result.sent = true;
  } catch (error) {
    result.sent = false;
    result.error = error?.name + ": " + error?.message;
  }
  try {
    await client.identify({ id: "user-2" }, { created_at: "yesterday" });
    result.refused = "not refused";
  } catch (error) {
    result.refused = error instanceof ValidationError ? "ValidationError" : String(error);
  }
  return result;
};
window.runRedirected = async (baseUrl) => {
  const client = createCustomersClient({ siteId: "sim-site", apiKey: "sim-key", baseUrl, retry: { retries: 0 } });
  try {
    await client.identify({ id: "user-3" }, { plan: "basic" });
    return { name: "none" };
  } catch (error) {
    return { name: error?.name, status: error?.status, reason: error?.reason };
  }
};
`;

beforeAll(async () => {
  if (skip) return;
  assertChromium();
  const bundled = await build({
    entryPoints: [new URL("../../src/browser.ts", import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const client = bundled.outputFiles[0]!.contents;
  bundleSize = client.byteLength;
  const files: Record<string, { type: string; body: string | Uint8Array }> = {
    "/": {
      type: "text/html; charset=utf-8",
      body: `<!doctype html><title>client</title><script type="module" src="./page.js"></script>`,
    },
    "/page.js": { type: "text/javascript", body: pageScript },
    "/client.js": { type: "text/javascript", body: client },
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? "/"];
    if (file === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  page = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (page) await new Promise<void>((done) => page!.server.close(() => done()));
});

async function runInPage<R = { sent: boolean; error?: string; refused: string; userAgent: string }>(
  simulator: ServedSimulator,
  run: "runClient" | "runRedirected" = "runClient",
): Promise<R> {
  const context = await browser!.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${page!.origin}/`);
    await tab.waitForFunction((name) => name in window, run);
    // The simulator is on another port: another origin, so every call is a cross-origin request.
    return await tab.evaluate(
      ([name, url]) => (window as unknown as Record<string, (url: string) => Promise<R>>)[name]!(url),
      [run, simulator.url] as const,
    );
  } finally {
    await context.close();
  }
}

describe.skipIf(skip)("the client bundled for a browser, in Chromium", () => {
  it("calls the simulator over HTTP from another origin: identify, update, and bad input refused before sending", async () => {
    const served = await serveSimulator({ port: 0, cors: true });
    try {
      const result = await runInPage(served);
      expect(result.userAgent).toContain("Chrome");
      expect(result.error).toBeUndefined();
      expect(result.sent).toBe(true);
      expect(result.refused).toBe("ValidationError");
      const person = served.simulator.person({ email: "ada@example.com" });
      expect(person?.attributes).toMatchObject({ first_name: "Ada", plan: "premium" });
      expect(person?.created_at).toBe(1700000000);
      expect(served.simulator.person({ id: "user-2" })).toBeUndefined();
      expect(bundleSize).toBeGreaterThan(1000);
    } finally {
      await served.close();
    }
  });

  it("fails to reach a simulator that does not allow other origins (the check can fail)", async () => {
    const served = await serveSimulator({ port: 0 });
    try {
      const result = await runInPage(served);
      expect(result.sent).toBe(false);
      expect(result.error).toMatch(/fetch|network/i);
      expect(served.simulator.people()).toEqual([]);
    } finally {
      await served.close();
    }
  });

  it("meets a redirect as the browser's opaque answer: a RedirectError saying why, nothing sent to the target", async () => {
    const target = await serveSimulator({ port: 0, cors: true });
    const redirecting = await serveSimulator({ port: 0, cors: true, redirectTo: target.url });
    try {
      const result = await runInPage<{ name: string; status?: number; reason?: string }>(redirecting, "runRedirected");
      expect(result).toEqual({
        name: "RedirectError",
        status: 0,
        reason: 'the browser hides it; set region "eu" or "auto", or baseUrl',
      });
      expect(target.simulator.people()).toEqual([]);
      expect(redirecting.simulator.people()).toEqual([]);
    } finally {
      await Promise.all([redirecting.close(), target.close()]);
    }
  });
});
