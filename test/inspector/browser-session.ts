/**
 * One headless Chromium (found by test/support/chromium.ts, driven by playwright-core) for the inspector page's tests, and a watch on each
 * page it opens. The watch records, never throws:
 *   outside-request  the page asked for a host other than 127.0.0.1 (blocked, never sent)
 *   console-error    the console printed an error (a Content-Security-Policy refusal prints one too)
 *   page-error       a script threw and nothing caught it
 *   failed-request   a request to 127.0.0.1 failed (other than cancelled by a reload or by leaving), or was
 *                    answered 4xx/5xx
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium.js";

export type FindingKind = "outside-request" | "console-error" | "page-error" | "failed-request";

export interface Finding {
  kind: FindingKind;
  detail: string;
}

const LOCAL_HOST = "127.0.0.1";

function isOutside(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data:, blob: and about: never leave the browser.
  if (protocol !== "http:" && protocol !== "https:" && protocol !== "ws:" && protocol !== "wss:") return false;
  return hostname !== LOCAL_HOST;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface WatchedContext {
  context: BrowserContext;
  findings: Finding[];
  /** Leaves the page for about:blank, so that anything it sends on the way out is seen too. */
  leave(page: Page): Promise<void>;
}

/** A watched context signed in to the simulator at `origin` with the default site and key, at a desktop size. */
export function signedIn(browser: Browser, origin: string): Promise<WatchedContext> {
  return watchedContext(browser, {
    viewport: { width: 1280, height: 900 },
    httpCredentials: { username: "sim-site", password: "sim-key", origin, send: "always" },
  });
}

/** A fresh browser context whose pages are all watched; outside requests are aborted before they leave. */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedContext> {
  const context = await browser.newContext({ serviceWorkers: "block", ...options });
  const findings: Finding[] = [];
  const blocked = new Set<string>();
  await context.route("**/*", async (route) => {
    const target = route.request().url();
    if (!isOutside(target)) return route.continue();
    if (!blocked.has(target))
      findings.push({ kind: "outside-request", detail: `${route.request().method()} ${target}` });
    blocked.add(target);
    return route.abort("blockedbyclient");
  });
  context.on("page", (page) => {
    page.on("websocket", (socket) => {
      if (isOutside(socket.url())) findings.push({ kind: "outside-request", detail: `WebSocket ${socket.url()}` });
    });
    page.on("pageerror", (error) => findings.push({ kind: "page-error", detail: error.message }));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // The browser's own note that a blocked request failed is the same fault as the outside-request finding.
      if (blocked.has(message.location().url)) return;
      findings.push({ kind: "console-error", detail: message.text() });
    });
    page.on("requestfailed", (request) => {
      // ERR_ABORTED is a cancel, not a failure: the page's own AbortController on leaving a view, or a poll in
      // flight when the test reloads or leaves. A server that cannot be reached fails with another error.
      if (request.failure()?.errorText === "net::ERR_ABORTED") return;
      if (!blocked.has(request.url()))
        findings.push({
          kind: "failed-request",
          detail: `${request.url()}: ${request.failure()?.errorText ?? "failed"}`,
        });
    });
    page.on("response", (response) => {
      if (response.status() >= 400)
        findings.push({ kind: "failed-request", detail: `${response.url()}: HTTP ${response.status()}` });
    });
  });
  const leave = async (page: Page) => {
    await page.goto("about:blank");
  };
  return { context, findings, leave };
}
