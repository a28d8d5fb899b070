/**
 * The inspector page at /__simulator/, driven in headless Chromium as a tester would use it: a served simulator on
 * a loopback socket, people seeded over the inspection API, identify calls that hit C3, C4 and C8, then the page
 * must show each with its rule and reason, find a person by an email typed in another case, follow the log live,
 * filter it, reset the simulator, and look right at 1280 and 390 px (screenshots in test-results/inspector/).
 * Any page error, console error, failed request or request to another host fails the test; the watch that
 * finds them is shown catching each kind on a page built to have it.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { assertChromium, skipBrowserChecks } from "../support/chromium.js";
import { launchChromium, signedIn } from "./browser-session.js";

registerCredentials("sim-site", "sim-key");
const shots = join(import.meta.dirname, "..", "..", "test-results", "inspector");
const BROWSER_TEST = { timeout: 180_000 };
const authorization = `Basic ${btoa("sim-site:sim-key")}`;

let served: ServedSimulator;
let browser: Browser;
const serverErrors: unknown[] = [];

const skip = skipBrowserChecks("the inspector page's browser checks (test/inspector/inspector.test.ts)");

beforeAll(async () => {
  served = await serveSimulator({ port: 0, onError: (error) => serverErrors.push(error) });
  if (skip) return;
  assertChromium();
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  expect(serverErrors).toEqual([]);
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { authorization };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${served.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === "" ? undefined : JSON.parse(text) };
}

const identify = async (identifier: string, body: Record<string, unknown>) => {
  const reply = await api("PUT", `/api/v1/customers/${encodeURIComponent(identifier)}`, body);
  // The endpoint answers 200 {} even when it refuses part of the call: only the page can tell.
  expect(reply).toEqual({ status: 200, json: {} });
};

interface LoggedEntry {
  seq: number;
  type: string;
  clause?: string;
  reason: string;
}

/** The activity row a clause produced, as the page shows it. */
async function rowOf(page: Page, clause: string) {
  const row = page.locator(`table.activity tbody tr[data-clause="${clause}"]`).first();
  await row.waitFor();
  return {
    type: (await row.locator('td[data-label="type"]').innerText()).trim(),
    rule: (await row.locator('td[data-label="rule"]').innerText()).trim(),
    href: await row.locator('td[data-label="rule"] a').getAttribute("href"),
    reason: (await row.locator(".reason").innerText()).trim(),
    seq: Number(await row.getAttribute("data-seq")),
  };
}

describe("the inspector page's route", () => {
  it("asks for the simulator's Basic credentials", async () => {
    const anonymous = await fetch(`${served.url}/__simulator/`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    const page = await fetch(`${served.url}/__simulator/`, { headers: { authorization } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // The page may load only its own files and call only its own origin.
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'");
    for (const file of ["inspector.js", "inspector.css"]) {
      expect((await fetch(`${served.url}/__simulator/inspector/${file}`)).status).toBe(401);
      const asset = await fetch(`${served.url}/__simulator/inspector/${file}`, { headers: { authorization } });
      expect(asset.status).toBe(200);
      const etag = asset.headers.get("etag") ?? "";
      expect(
        (
          await fetch(`${served.url}/__simulator/inspector/${file}`, {
            headers: { authorization, "if-none-match": etag },
          })
        ).status,
      ).toBe(304);
    }
    expect((await fetch(`${served.url}/__simulator/inspector/nothing.js`, { headers: { authorization } })).status).toBe(
      404,
    );
    expect((await fetch(`${served.url}/__simulator/`, { method: "POST", headers: { authorization } })).status).toBe(
      405,
    );
  });
});

describe.skipIf(skip)("the inspector page", () => {
  it(
    "shows C3, C4 and C8 with their rule and reason, finds people by email in any case, follows the log, resets",
    BROWSER_TEST,
    async () => {
      await api("POST", "/__simulator/reset");
      const filler = Array.from({ length: 60 }, (_, i) => ({
        id: `filler-${String(i).padStart(2, "0")}`,
        email: `filler${i}@example.com`,
      }));
      const seeded = await api("POST", "/__simulator/people", {
        people: [
          {
            id: "ada",
            email: "Ada.Lovelace@Example.com",
            attributes: { plan: "premium", logins: 3 },
            topics: { topic_1: true, topic_2: false },
          },
          { id: "grace", email: "grace@example.com" },
          { email: "lin@example.com" },
          ...filler,
        ],
      });
      expect(seeded.status).toBe(201);
      await identify("ada", {
        cio_relationships: {
          action: "add_relationships",
          relationships: [
            { identifiers: { object_type_id: "1", object_id: "acme" }, relationship_attributes: { role: "admin" } },
          ],
        },
      });
      await identify("lin-1", { email: "lin@example.com" }); // C3: lin is found by email and adopts the path id
      await identify("ada", { email: "grace@example.com" }); // C4: grace already holds that email
      await identify("cio_ffff0000", { plan: "gold" }); // C8: nobody has this cio_id
      const logged = ((await api("GET", "/__simulator/activity")).json as { activity: LoggedEntry[] }).activity;
      const reasonOf = (clause: string) => logged.find((e) => e.clause === clause)?.reason;

      const { context, findings, leave } = await signedIn(browser, served.url);
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const response = await page.goto(`${served.url}/__simulator/`);
        expect(response?.status()).toBe(200);

        // People: the first page of 63, then a search by an email typed in another case (rule C9).
        await page.locator("table.people tbody tr").first().waitFor();
        expect(await page.locator("table.people tbody tr").count()).toBe(50);
        await page.locator("nav.pager a[rel=next]").click();
        await page.locator("table.people tbody tr", { hasText: "filler-59" }).waitFor();
        await page.locator("#people-q").fill("ADA.LOVELACE@EXAMPLE.COM");
        await page.locator("#people-q").press("Enter");
        await page.waitForFunction(() => document.querySelectorAll("table.people tbody tr").length === 1);
        const found = page.locator("table.people tbody tr");
        expect(await found.locator('td[data-label="id"]').innerText()).toBe("ada");
        expect(await found.locator('td[data-label="email"]').innerText()).toBe("Ada.Lovelace@Example.com");
        await page.screenshot({ path: join(shots, "people-1280.png"), fullPage: true });

        // The person's page: attributes, topics and the default, and the C4 refusal in their history.
        await found.locator('td[data-label="cio_id"] a').click();
        await page.locator("h3", { hasText: "History" }).waitFor();
        const person = await page.locator("main").innerText();
        expect(person).toContain("premium");
        expect(person).toMatch(/topic_1\s+subscribed/);
        expect(person).toMatch(/topic_2\s+unsubscribed/);
        expect(person).toContain("follows the workspace default");
        expect(person).toMatch(/1\s+acme\s+role: admin/);
        expect(person).toContain(reasonOf("C4"));
        await page.screenshot({ path: join(shots, "person-1280.png"), fullPage: true });

        // Activity, reached with the keyboard: each clause with its type and reason, newest first.
        await page.locator('nav a[data-view="activity"]').focus();
        await page.keyboard.press("Enter");
        await page.locator("#activity-title").waitFor();
        const c3 = await rowOf(page, "C3");
        const c4 = await rowOf(page, "C4");
        const c8 = await rowOf(page, "C8");
        const logEntry = (seq: number) => logged.find((e) => e.seq === seq);
        for (const [row, clause, type] of [
          [c3, "C3", "Attributes updated"],
          [c4, "C4", "Attribute update failure"],
          [c8, "C8", "Request dropped"],
        ] as const) {
          expect(row).toMatchObject({ type, rule: clause, reason: logEntry(row.seq)?.reason });
          expect(logEntry(row.seq)?.clause).toBe(clause);
        }
        expect(c3.reason).toMatch(/path identifier/);
        expect(c4.reason).toMatch(/already associated with a different profile/);
        expect(c8.reason).toMatch(/dropped/);
        // Without a docs site's address, a rule links to its text on this page.
        expect(c4.href).toBe("#/rules/C4");
        const seqs = await page
          .locator("table.activity tbody tr")
          .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-seq"))));
        expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
        expect(seqs.length).toBe(logged.length);

        await page.locator('table.activity tbody tr[data-clause="C4"] td[data-label="rule"] a').first().click();
        await page.locator("#rules-title", { hasText: "Rule C4: conflict" }).waitFor();
        expect(await page.locator("li.chosen").innerText()).toMatch(
          /^C4 conflict\. When the path identifier and a body identifier belong to two different people/,
        );
        await page.locator("li.chosen a", { hasText: "Entries with this rule" }).click();
        await page.waitForFunction(() => {
          const rows = [...document.querySelectorAll("table.activity tbody tr")];
          return rows.length === 1 && rows[0]?.getAttribute("data-clause") === "C4";
        });
        await page.locator("#activity-clause").selectOption("");
        await page.locator("table.activity tbody tr[data-clause=C3]").first().waitFor();

        // Requests: the C4 call, with its answer and what it did; the credentials are not shown.
        const c4Request = await page
          .locator(`table.activity tbody tr[data-seq="${c4.seq}"] td[data-label="request"] a`)
          .innerText();
        await page.locator('nav a[data-view="requests"]').click();
        await page.locator("table.requests tbody tr").first().waitFor();
        expect(await page.locator("table.requests tbody tr").count()).toBe(4);
        await page.locator(`table.requests tbody tr[data-seq="${c4Request.slice(1)}"] a`).click();
        await page.locator("#request-title", { hasText: `Request ${c4Request}` }).waitFor();
        await page.locator("table.activity tbody tr[data-clause=C4]").waitFor();
        const request = await page.locator("main").innerText();
        expect(request).toContain("PUT /api/v1/customers/ada");
        expect(request).toContain('"email": "grace@example.com"');
        expect(request).toMatch(/answer\s+200/);
        expect(request).toContain("Basic [redacted]");
        expect(request).not.toContain(btoa("sim-site:sim-key"));
        await page.screenshot({ path: join(shots, "request-1280.png"), fullPage: true });
        await page.locator('nav a[data-view="activity"]').click();
        await page.locator("table.activity tbody tr[data-clause=C3]").first().waitFor();

        // Live: a call made now appears at the top without a reload.
        await identify("grace", { email: "Ada.Lovelace@example.com" });
        await page.waitForFunction(
          (before) => Number(document.querySelector("table.activity tbody tr")?.getAttribute("data-seq")) > before,
          seqs[0] ?? 0,
        );
        expect(await page.locator("table.activity tbody tr").first().getAttribute("data-clause")).toBe("C4");

        // Filter by rule, then by type.
        await page.locator("#activity-clause").selectOption("C8");
        await page.waitForFunction(() =>
          [...document.querySelectorAll("table.activity tbody tr")].every(
            (r) => r.getAttribute("data-clause") === "C8",
          ),
        );
        expect(await page.locator("table.activity tbody tr").count()).toBe(1);
        await page.locator("#activity-clause").selectOption("");
        await page.locator("#activity-type").selectOption("attribute_update_failure");
        await page.waitForFunction(() => {
          const rows = [...document.querySelectorAll("table.activity tbody tr")];
          return rows.length === 2 && rows.every((r) => r.getAttribute("data-type") === "attribute_update_failure");
        });
        await page.locator("#activity-type").selectOption("");
        await page.locator("table.activity tbody tr[data-clause=C3]").first().waitFor();
        await page.screenshot({ path: join(shots, "activity-1280.png"), fullPage: true });

        // 390 px wide: the same log, readable without sideways scrolling.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.locator("table.activity tbody tr[data-clause=C4]").first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(shots, "activity-390.png"), fullPage: true });
        await page.goto(`${served.url}/__simulator/#/people?q=ada.lovelace%40example.com`);
        await page.locator("table.people tbody tr").first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: join(shots, "people-390.png"), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });

        // Controls: every workspace setting, shown as the API has it and changed through the form; then reset in
        // two steps.
        await api("PATCH", "/__simulator/settings", {
          bodyIdentifierPrecedence: "email",
          deletedAnonymousIds: "released",
        });
        await page.locator('nav a[data-view="controls"]').click();
        const settingsForm = page.locator("form#settings");
        await settingsForm.locator("button[type=submit]:enabled").waitFor();
        const shownSettings = await settingsForm
          .locator("input[name], select[name]")
          .evaluateAll((controls) => controls.map((control) => control.getAttribute("name")));
        const apiSettings = (await api("GET", "/__simulator/settings")).json as Record<string, unknown>;
        expect(shownSettings.sort()).toEqual(Object.keys(apiSettings).sort());
        expect(Object.keys(apiSettings)).toHaveLength(5);
        expect(await page.locator("#setting-identified-by").inputValue()).toBe("email_or_id");
        expect(await page.locator("#setting-allow-email").isChecked()).toBe(false);
        expect(await page.locator("#setting-body-identifier-precedence").inputValue()).toBe("email");
        expect(await page.locator("#setting-path-replaces-set-identifier").isChecked()).toBe(false);
        expect(await page.locator("#setting-deleted-anonymous-ids").inputValue()).toBe("released");
        await page.locator("#setting-identified-by").selectOption("id");
        await page.locator("#setting-allow-email").check();
        await page.locator("#setting-body-identifier-precedence").selectOption("id");
        await page.locator("#setting-path-replaces-set-identifier").check();
        await page.locator("#setting-deleted-anonymous-ids").selectOption("reserved");
        await settingsForm.locator("button[type=submit]").click();
        await page.locator(".status-line", { hasText: "Settings saved" }).waitFor();
        expect((await api("GET", "/__simulator/settings")).json).toEqual({
          identifiedBy: "id",
          allowEmailUpdatesById: true,
          bodyIdentifierPrecedence: "id",
          pathReplacesSetIdentifier: true,
          deletedAnonymousIds: "reserved",
        });
        await api("POST", "/__simulator/faults", { faults: [{ kind: "status", status: 503, times: 2 }] });
        await page.reload();
        await page.locator("#faults li", { hasText: "status" }).waitFor();
        await page.screenshot({ path: join(shots, "controls-1280.png"), fullPage: true });
        // With the docs site's address, rule links open the rule in its rendered reference.
        await page.locator("#docs-base").fill("http://127.0.0.1:9/site");
        await page.locator("#docs-base").press("Enter");
        await page.locator(".status-line", { hasText: "open the docs site" }).waitFor();
        const rules = (
          (await api("GET", "/__simulator/inspector/rules.json")).json as { rules: { id: string; anchor: string }[] }
        ).rules;
        const c4Anchor = rules.find((r) => r.id === "C4")?.anchor ?? "";
        expect(c4Anchor).not.toBe("");
        await page.locator('nav a[data-view="activity"]').click();
        const link = page.locator('table.activity tbody tr[data-clause="C4"] td[data-label="rule"] a').first();
        expect(await link.getAttribute("href")).toBe(
          `http://127.0.0.1:9/site/reference.html#${c4Anchor}:~:text=C4%20conflict`,
        );
        await page.locator('nav a[data-view="controls"]').click();
        await page.locator("#clear-faults").click();
        await page.locator("#faults", { hasText: "No fault in force" }).waitFor();
        expect((await api("GET", "/__simulator/faults")).json).toEqual({ faults: [] });

        await page.locator("#reset").click();
        await page.locator("#reset-confirm").click();
        await page.locator(".status-line", { hasText: "Reset" }).waitFor();
        expect((await api("GET", "/__simulator/people")).json).toMatchObject({ people: [] });
        // The settings the simulator started with are back, on the page too.
        expect(await page.locator("#setting-identified-by").inputValue()).toBe("email_or_id");
        expect(await page.locator("#setting-path-replaces-set-identifier").isChecked()).toBe(false);
        await page.locator('nav a[data-view="activity"]').click();
        await page.locator("#activity-list", { hasText: "The log is empty." }).waitFor();
        await page.locator('nav a[data-view="people"]').click();
        await page.locator("#people-summary", { hasText: "Nobody yet" }).waitFor();

        await leave(page);
        expect(findings).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe.skipIf(skip)("the inspector page with 100,000 people", () => {
  it("loads one page of people at a time and finds anyone by email", BROWSER_TEST, async () => {
    const people = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}`, email: `person${i}@example.com` }));
    const big = await serveSimulator({ port: 0, people });
    const { context, findings, leave } = await signedIn(browser, big.url);
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const bodies: { url: string; bytes: number }[] = [];
      page.on("response", (response) => {
        void response.body().then(
          (body) => bodies.push({ url: response.url(), bytes: body.byteLength }),
          () => undefined,
        );
      });
      await page.goto(`${big.url}/__simulator/`);
      await page.locator("#people-summary", { hasText: "1–50" }).waitFor();
      expect(await page.locator("table.people tbody tr").count()).toBe(50);
      await page.locator("nav.pager a[rel=next]").click();
      await page.locator("#people-summary", { hasText: "51–100" }).waitFor();
      await page.locator("#people-q").fill("PERSON99999@example.COM");
      await page.locator("#people-q").press("Enter");
      await page.locator("table.people tbody tr", { hasText: "p99999" }).waitFor();
      expect(await page.locator("table.people tbody tr").count()).toBe(1);
      await leave(page);
      expect(findings).toEqual([]);
      // No answer carried the workspace: the biggest is a page of 50 people.
      const people = bodies.filter((b) => b.url.includes("/__simulator/people"));
      expect(people.length).toBeGreaterThanOrEqual(3);
      expect(Math.max(...people.map((b) => b.bytes))).toBeLessThan(50_000);
    } finally {
      await context.close();
      await big.close();
    }
  });
});

describe.skipIf(skip)("the inspector page from the keyboard alone", () => {
  it("skips to the content, moves between sections and resets the simulator", BROWSER_TEST, async () => {
    await identify("keyboard-1", { plan: "basic" });
    const { context, findings, leave } = await signedIn(browser, served.url);
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${served.url}/__simulator/`);
      await page.locator("table.people tbody tr").first().waitFor();
      const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? "");
      /** Presses Tab until the focused element's text is `text`; fails after 30 presses. */
      const tabTo = async (text: string) => {
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press("Tab");
          if ((await focused()) === text) return;
        }
        throw new Error(`Tab never reached "${text}"`);
      };
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("Skip to content");
      await tabTo("Controls");
      await page.keyboard.press("Enter");
      await page.locator("#controls-title").waitFor();
      await tabTo("Reset the simulator…");
      await page.keyboard.press("Enter");
      // The second step takes the focus, so Enter again confirms.
      expect(await focused()).toBe("Yes, reset");
      await page.keyboard.press("Enter");
      await page.locator(".status-line", { hasText: "Reset" }).waitFor();
      expect((await api("GET", "/__simulator/people")).json).toMatchObject({ people: [] });
      await leave(page);
      expect(findings).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(skip)("the watch on the page", () => {
  it(
    "reports a request to another host, a console error, a script error and a failed request",
    BROWSER_TEST,
    async () => {
      const { context, findings } = await signedIn(browser, served.url);
      try {
        const page = await context.newPage();
        // A file the simulator does not have: 404.
        await page.goto(`${served.url}/__simulator/inspector/missing.css`);
        await page.setContent(
          `<img src="http://example.com/pixel.png"><script>console.error("broken"); setTimeout(() => { throw new Error("thrown") });</script>`,
        );
        await expect
          .poll(() => new Set(findings.map((f) => f.kind)))
          .toEqual(new Set(["outside-request", "console-error", "page-error", "failed-request"]));
      } finally {
        await context.close();
      }
    },
  );
});
