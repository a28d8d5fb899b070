/**
 * The browser check behind test/docs/site.test.ts: serves a folder on 127.0.0.1 and judges one page at a time in
 * headless Chromium (found by test/support/chromium.ts, driven by playwright-core).
 *
 * checkPage() returns findings, never throws on a bad page, so the same code judges the real site and the broken
 * variants the test builds on purpose. One browser serves every page of a test file (launched on the first page,
 * closed by closeBrowser()); each page gets a fresh context of its own (no cookies, storage or cache carried over)
 * and is loaded once, except that a Redoc walk reloads it to open each further tag. A finding is one of:
 *   outside-request  the page asked for a host other than 127.0.0.1 (the request is blocked, never sent)
 *   console-error    the console printed an error
 *   page-error       a script threw and nothing caught it
 *   failed-request   a request to 127.0.0.1 failed, or was answered 4xx/5xx
 *   missing          an expected text or name never appeared in the rendered page
 *   walk-failed      a section the walk expects to open (an example menu, a security dialog) did not open
 *   literal-markdown the page's prose shows Markdown as written (`code`, **strong**, [text](url))
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as chromiumArgs } from "../support/chromium.js";

export { CHROMIUM };

export type FindingKind =
  | "outside-request"
  | "console-error"
  | "page-error"
  | "failed-request"
  | "missing"
  | "walk-failed"
  | "literal-markdown";

export interface Finding {
  kind: FindingKind;
  detail: string;
}

export type Expectation =
  /** Appears in the page's rendered text (innerText, so hidden elements do not count) at some point of the walk. */
  | { kind: "text"; label: string; text: string }
  /** Is the name of a rendered schema property or parameter (Redoc's `.schema-name` elements), not just a word in prose. */
  | { kind: "name"; label: string; name: string };

export interface PageExpectations {
  expect: readonly Expectation[];
  /** "redoc": expand every collapsed section, open each example menu and each security-details dialog. */
  walk?: "redoc";
  /**
   * The entries of the code-sample language menu (the labels of the spec's x-codeSamples): the walk chooses each in
   * turn, since Redoc shows one sample at a time.
   */
  codeSamples?: readonly string[];
  /** Where to save a full-page PNG of the page once walked. */
  screenshot?: string;
}

export interface PageReport {
  findings: Finding[];
  /** Every request the page made, in order; `blocked` for those to another host. */
  requests: { url: string; blocked: boolean }[];
}

const LOCAL_HOST = "127.0.0.1";

function isOutside(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data:, blob: and about: never leave the browser.
  if (protocol !== "http:" && protocol !== "https:" && protocol !== "ws:" && protocol !== "wss:") return false;
  return hostname !== LOCAL_HOST;
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

interface Snapshot {
  text: string;
  names: string[];
  /** The visible text outside code (pre, code, scripts, inputs), one string per element. */
  prose: string[];
}

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const prose: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (
        parent === null ||
        parent.closest("pre, code, script, style, textarea, input, svg") !== null ||
        !parent.checkVisibility()
      )
        continue;
      const text = (node.textContent ?? "").trim();
      if (text !== "") prose.push(text);
    }
    return {
      text: document.body.innerText,
      names: [...document.querySelectorAll(".schema-name")]
        .filter((el) => el.checkVisibility())
        .map((el) => (el.textContent ?? "").trim()),
      prose,
    };
  });
}

/**
 * Markdown a page shows as written instead of rendering it: `code`, **strong**, [a link](url). Only prose is
 * searched, so code samples may hold any of these.
 */
export function literalMarkdown(prose: readonly string[]): string[] {
  const pattern = /`[^`\n]+`|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)/g;
  return [...new Set(prose.flatMap((text) => text.match(pattern) ?? []))];
}

/**
 * The viewport height of a Redoc walk: Redoc renders operations as they scroll into view, and the walk works a
 * screenful at a time, so a tall window means fewer screens (the screenshot is of the full page either way).
 */
const WALK_HEIGHT = 2400;

const SHOW_TAG = /^\s*\+\s*Show\s*$/;
const SHOW_PROPERTIES = /^\s*\+\s*Show\s+(\d+\s+)?propert(y|ies)\s*$/;

/** The headings of the tag sections whose operations are folded behind "+ Show". */
// Functions run in the page are written without named inner helpers: tsx's esbuild would wrap them in __name().
const foldedTags = (page: Page) =>
  page.evaluate(
    (pattern) =>
      [...document.querySelectorAll("button")]
        .filter((b) => b.checkVisibility() && new RegExp(pattern).test(b.innerText))
        .map((b) => {
          for (let n: Element | null = b; n !== null; n = n.parentElement) {
            const h = n.querySelector("h1, h2, h3");
            if (h !== null) return (h.textContent ?? "").trim();
          }
          return "";
        }),
    SHOW_TAG.source,
  );

/**
 * Clicks, without scrolling, every button in the viewport whose text matches pattern; returns how many. Rendering
 * code may unmount what scrolls away, so the walk works one screenful at a time.
 */
const clickInView = (page: Page, pattern: RegExp) =>
  page.evaluate((source) => {
    let clicked = 0;
    for (const b of document.querySelectorAll("button")) {
      const box = b.getBoundingClientRect();
      const inView = box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
      if (inView && b.checkVisibility() && new RegExp(source).test(b.innerText)) {
        b.click();
        clicked++;
      }
    }
    return clicked;
  }, pattern.source);

/** Marks the first button (in the viewport, unless anywhere) matching selector and pattern that the walk has not opened yet. */
const nextUnopened = (page: Page, selector: string, pattern: RegExp, mark: string, anywhere = false) =>
  page.evaluate(
    ({ selector, source, mark, anywhere }) => {
      for (const b of document.querySelectorAll<HTMLElement>(selector)) {
        const box = b.getBoundingClientRect();
        const inView = anywhere || (box.bottom > 0 && box.top < window.innerHeight && box.width > 0);
        if (
          inView &&
          b.checkVisibility() &&
          b.dataset["docsCheck"] === undefined &&
          new RegExp(source).test(b.innerText)
        ) {
          b.dataset["docsCheck"] = mark;
          return true;
        }
      }
      return false;
    },
    { selector, source: pattern.source, mark, anywhere },
  );

/**
 * Resolves once the page's DOM has stopped changing for a moment (or after a few seconds of constant change), so
 * the walk adapts to a slow machine instead of sleeping a fixed time. The moment is short: whatever a click or a
 * scroll queues (microtasks, React's scheduler, animation frames) runs before the timer can fire, and each change
 * it makes restarts the wait. A string, so no bundler rewrites it.
 */
const settle = (page: Page) =>
  page.evaluate(`new Promise((done) => {
    let quiet;
    const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(end, 50); });
    const limit = setTimeout(end, 5000);
    quiet = setTimeout(end, 50);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    function end() { observer.disconnect(); clearTimeout(quiet); clearTimeout(limit); done(); }
  })`);

/**
 * Redoc renders on the server side, then hydrates: clicks before that do nothing, and React hydrates a piece at a
 * time, so the walk waits until every button carries React's handlers, then for the DOM to settle.
 */
const hydrated = async (page: Page) => {
  await page.waitForFunction(
    () => {
      const buttons = [...document.querySelectorAll("button")];
      return buttons.length > 0 && buttons.every((b) => Object.keys(b).some((k) => k.startsWith("__reactProps$")));
    },
    undefined,
    { timeout: 60_000 },
  );
  await settle(page);
};

/** Clicks every button in view matching SHOW_PROPERTIES until none is left, letting each reveal its children. */
async function openNestedSchemas(page: Page): Promise<void> {
  for (let round = 0; round < 50 && (await clickInView(page, SHOW_PROPERTIES)) > 0; round++) await settle(page);
}

/**
 * Redoc 3 folds each tag's operations behind "+ Show" and keeps one tag open at a time; it renders operations only
 * as they scroll into view; nested schemas sit behind "+ Show 2 properties", alternatives and response codes behind
 * tabs or a menu, named examples in a menu, security schemes in a modal. The walk opens each tag in turn and scrolls through it a screenful at a time, opening
 * everything on the way and recording the page's text at each stage.
 */
async function walkRedoc(
  page: Page,
  url: string,
  snapshots: Snapshot[],
  screenshot: string | undefined,
  codeSamples: readonly string[],
): Promise<void> {
  let stage = "waiting for the page's heading";
  let marks = 0;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const language = new RegExp(`^\\s*(${codeSamples.map(escape).join("|")})\\s*$`);
  /**
   * Opens each rendered example menu not opened yet, and records the page with the menu open. A response's menu can
   * sit below the screen the walk is on: the click scrolls to it, and the walk then returns to where it was.
   */
  const openExampleMenus = async (where: string) => {
    const scrollY = await page.evaluate(() => window.scrollY);
    while (await nextUnopened(page, 'button[aria-label="Example"]', /./, `m${++marks}`, true)) {
      stage = `opening an example menu ${where}`;
      const menu = page.locator(`[data-docs-check="m${marks}"]`);
      await menu.click();
      await page.locator("[role=menu]:visible").first().waitFor();
      snapshots.push(await snapshot(page));
      // Escape leaves Redoc's menu open; a second click on its button closes it.
      stage = `closing an example menu ${where}`;
      await menu.click({ force: true });
      await page.locator("[role=menu]:visible").first().waitFor({ state: "hidden" });
    }
    await page.evaluate((y) => window.scrollTo(0, y), scrollY);
  };
  try {
    await page.waitForSelector("h1");
    await hydrated(page);
    snapshots.push(await snapshot(page));
    const tags = await foldedTags(page);
    for (const [index, tag] of tags.entries()) {
      if (index > 0) {
        stage = `reloading the page for tag "${tag}"`;
        await page.goto(url, { waitUntil: "load" });
        await page.waitForSelector("h1");
        await hydrated(page);
      }
      // Open this tag's operations; retry until its button goes.
      stage = `opening tag "${tag}"`;
      for (let attempt = 0; attempt < 50 && (await foldedTags(page)).includes(tag); attempt++) {
        await page.evaluate(
          ({ tag, pattern }) => {
            const show = new RegExp(pattern);
            for (const b of document.querySelectorAll("button")) {
              if (!b.checkVisibility() || !show.test(b.innerText)) continue;
              for (let n: Element | null = b; n !== null; n = n.parentElement) {
                const h = n.querySelector("h1, h2, h3");
                if (h === null) continue;
                if ((h.textContent ?? "").trim() === tag) b.click();
                break;
              }
            }
          },
          { tag, pattern: SHOW_TAG.source },
        );
        await settle(page);
      }
      if ((await foldedTags(page)).includes(tag)) throw new Error("its operations stayed folded");

      let unchanged = 0;
      for (let screen = 0; screen < 500 && unchanged < 2; screen++) {
        stage = `opening the nested schemas on screen ${screen + 1} of tag "${tag}"`;
        await settle(page);
        await openNestedSchemas(page);
        snapshots.push(await snapshot(page));

        // Alternatives (oneOf, anyOf) and response codes are tabs showing one at a time: visit each.
        for (
          let tabs = 0;
          tabs < 200 && (await nextUnopened(page, '[role=tab][aria-selected="false"]', /./, `t${++marks}`));
          tabs++
        ) {
          stage = `opening a tab on screen ${screen + 1} of tag "${tag}"`;
          await page.locator(`[data-docs-check="t${marks}"]`).click();
          await settle(page);
          await openNestedSchemas(page);
          snapshots.push(await snapshot(page));
          // A response code has examples of its own, shown by the same menu button: open the menus again.
          await page.evaluate(() =>
            document
              .querySelectorAll<HTMLElement>('button[aria-label="Example"]')
              .forEach((b) => delete b.dataset["docsCheck"]),
          );
          await openExampleMenus(`after a tab on screen ${screen + 1} of tag "${tag}"`);
        }

        // Long lists of alternatives are a menu ("One of: LatencyFault ▾"): choose each entry in turn.
        while (
          await nextUnopened(page, '[data-section-id="switcher"] button[aria-haspopup="menu"]', /./, `w${++marks}`)
        ) {
          stage = `choosing the alternatives of a switcher on screen ${screen + 1} of tag "${tag}"`;
          const switcher = page.locator(`[data-docs-check="w${marks}"]`);
          const items = page.locator('[role=menu]:visible [data-component-name="Dropdown/DropdownMenuItem"]');
          await switcher.click();
          await items.first().waitFor();
          const count = await items.count();
          for (let item = 1; item < count; item++) {
            if ((await items.count()) === 0) await switcher.click();
            await items.nth(item).click();
            await page.locator("[role=menu]:visible").first().waitFor({ state: "hidden" });
            await settle(page);
            await openNestedSchemas(page);
            snapshots.push(await snapshot(page));
          }
          if ((await items.count()) > 0) await switcher.click({ force: true });
        }

        await openExampleMenus(`on screen ${screen + 1} of tag "${tag}"`);
        // The code-sample menu names the language shown: choose each entry in turn.
        while (
          codeSamples.length > 0 &&
          (await nextUnopened(page, 'button[aria-haspopup="menu"]:not([aria-label])', language, `c${++marks}`))
        ) {
          stage = `choosing each code sample on screen ${screen + 1} of tag "${tag}"`;
          const menu = page.locator(`[data-docs-check="c${marks}"]`);
          const items = page.locator('[role=menu]:visible [data-component-name="Dropdown/DropdownMenuItem"]');
          await menu.click();
          await items.first().waitFor();
          const count = await items.count();
          for (let item = 0; item < count; item++) {
            if ((await items.count()) === 0) await menu.click();
            await items.nth(item).click();
            await page.locator("[role=menu]:visible").first().waitFor({ state: "hidden" });
            await settle(page);
            snapshots.push(await snapshot(page));
          }
        }
        while (await nextUnopened(page, "button", /^\s*View security details\s*$/, `s${++marks}`)) {
          // The details open in a modal without a dialog role, rendered as a new child of <body>.
          stage = `opening security details on screen ${screen + 1} of tag "${tag}"`;
          const children = await page.evaluate(() => document.body.childElementCount);
          await page.locator(`[data-docs-check="s${marks}"]`).click();
          await page.waitForFunction((before) => document.body.childElementCount > before, children);
          snapshots.push(await snapshot(page));
          stage = `closing security details on screen ${screen + 1} of tag "${tag}"`;
          await page.keyboard.press("Escape");
          await page.waitForFunction((before) => document.body.childElementCount <= before, children);
        }

        const before = await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight].join());
        await page.evaluate(() => window.scrollBy(0, Math.round(window.innerHeight * 0.8)));
        await settle(page);
        const after = await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight].join());
        unchanged = after === before ? unchanged + 1 : 0;
      }
      // The picture shows the first tag with everything in it opened.
      if (index === 0 && screenshot !== undefined) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: screenshot, fullPage: true });
      }
    }
  } catch (error) {
    throw new Error(`${stage}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, {
      cause: error,
    });
  }
}

let shared: Promise<Browser> | undefined;

/** The file's one browser, launched on first use. */
function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs });
  return shared;
}

/** Closes the browser checkPage() launched, if any (an afterAll of the test file). */
export async function closeBrowser(): Promise<void> {
  const launched = shared;
  shared = undefined;
  if (launched !== undefined) await (await launched).close();
}

/** Opens url in a fresh context of the shared browser and reports everything wrong with the page. */
export async function checkPage(url: string, expectations: PageExpectations): Promise<PageReport> {
  const findings: Finding[] = [];
  const requests: PageReport["requests"] = [];
  const blocked = new Set<string>();
  const context = await (
    await browser()
  ).newContext({
    viewport: { width: 1280, height: expectations.walk === "redoc" ? WALK_HEIGHT : 900 },
    serviceWorkers: "block",
  });
  try {
    // Routed on the context, so pop-ups and workers are covered too. Outside requests never reach the network.
    await context.route("**/*", async (route) => {
      const target = route.request().url();
      if (!isOutside(target)) return route.continue();
      // One finding per address, however often the page asks (the walk may load a page more than once).
      if (!blocked.has(target))
        findings.push({ kind: "outside-request", detail: `${route.request().method()} ${target}` });
      blocked.add(target);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("request", (request) => requests.push({ url: request.url(), blocked: isOutside(request.url()) }));
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

    const response = await page.goto(url, { waitUntil: "load" });
    if (response === null || !response.ok()) return { findings, requests };

    // Some pages (typedoc's) keep the body hidden until their script has laid it out.
    await page.waitForFunction(() => document.body.checkVisibility());
    const snapshots: Snapshot[] = [];
    if (expectations.walk === "redoc") {
      try {
        await walkRedoc(page, url, snapshots, expectations.screenshot, expectations.codeSamples ?? []);
      } catch (error) {
        findings.push({
          kind: "walk-failed",
          detail: error instanceof Error ? error.message.split("\n")[0]! : String(error),
        });
      }
    }
    snapshots.push(await snapshot(page));
    if (expectations.screenshot !== undefined && expectations.walk === undefined) {
      await page.screenshot({ path: expectations.screenshot, fullPage: true });
    }

    const seenText = normalize(snapshots.map((s) => s.text).join("\n"));
    const seenNames = new Set(snapshots.flatMap((s) => s.names));
    for (const e of expectations.expect) {
      const found = e.kind === "text" ? seenText.includes(normalize(e.text)) : seenNames.has(e.name);
      if (!found) findings.push({ kind: "missing", detail: e.label });
    }
    for (const literal of literalMarkdown(snapshots.flatMap((s) => s.prose)))
      findings.push({ kind: "literal-markdown", detail: literal });
    // Leave the page, so that anything it sends on the way out (beacons, telemetry flushes) is caught too: the
    // unload handlers have run, and their requests been routed, by the time the blank page has loaded.
    await page.goto("about:blank", { waitUntil: "load" });
    return { findings, requests };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export interface StaticServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the files under dir, read-only, on 127.0.0.1 and a free port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      let file = resolve(base, `.${path}`);
      if (file !== base && !file.startsWith(base + sep)) return void res.writeHead(403).end();
      try {
        if ((await stat(file)).isDirectory()) file = join(file, "index.html");
        const body = await readFile(file);
        res.writeHead(200, {
          "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
          "cache-control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : body);
      } catch {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    })();
  });
  await new Promise<void>((ready) => server.listen(0, LOCAL_HOST, ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${LOCAL_HOST}:${port}`,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

export const chromiumAvailable = () => CHROMIUM !== "" && existsSync(CHROMIUM);
