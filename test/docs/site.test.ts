/**
 * The documentation site in a real browser. Builds docs-site/ with scripts/docs.ts (or reuses a build made from
 * the same inputs), serves it on 127.0.0.1 and opens every page in headless Chromium: no page may throw, print a
 * console error, fail a request or ask any other host for anything, and each must show what its source says.
 * The same checker is then shown to catch a page with a field missing, a script from a CDN and a script error.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Marked, type Tokens } from "marked";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import customersDocument from "../../generated/customers.document.js";
import type { OpenApiDocument } from "../../generated/document-type.js";
import {
  buildDocs,
  entryPoints,
  guidePages,
  highlightCode,
  isFresh,
  linkFromPage,
  readBuildInfo,
  renderSpec,
  root,
  siteDir,
  specPages,
  type BuildInfo,
} from "../../scripts/docs.js";
import { assertChromium, skipBrowserChecks } from "../support/chromium.js";
import { checkPage, closeBrowser, serveDir, type Expectation, type StaticServer } from "./browser.js";
import { codeSampleLabels, specExpectations } from "./spec-expectations.js";

const shots = join(root, "test-results", "docs");
// Opening every section of a Redoc page takes a few dozen clicks; on a loaded two-core CI machine that can pass
// vitest's default 60 s. No duration is asserted anywhere.
const BROWSER_TEST = { timeout: 300_000 };
let site: StaticServer;
let info: BuildInfo;

const skip = skipBrowserChecks("the docs site's browser checks (test/docs/site.test.ts)");

beforeAll(async () => {
  if (skip) return;
  assertChromium();
  if (!isFresh()) await buildDocs();
  info = readBuildInfo()!;
  mkdirSync(shots, { recursive: true });
  site = await serveDir(siteDir);
  // Building the site (typedoc most of all) can take minutes on a loaded two-core machine.
}, 600_000);

afterAll(async () => {
  await closeBrowser();
  await site?.close();
});

/** The plain text of a line of Markdown, as a browser shows it. */
function plainInline(markdown: string): string {
  return new Marked()
    .parseInline(markdown, { async: false })
    .replace(/<[^>]*>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

/** The names each entry point exports, as the TypeScript compiler sees them. */
function exportedNames(files: readonly string[]): Map<string, string[]> {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(
    files.map((f) => join(root, f)),
    options,
  );
  const checker = program.getTypeChecker();
  return new Map(
    files.map((f) => {
      const source = program.getSourceFile(join(root, f));
      const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
      return [f, symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name)];
    }),
  );
}

describe.skipIf(skip)("the built site", () => {
  it("has every page its sources call for", () => {
    const expected = [
      "index.html",
      ...specPages.filter((s) => existsSync(join(root, s.spec))).map((s) => s.page),
      ...guidePages().map((g) => g.page),
      "api/index.html",
    ];
    expect(expected).toContain("guide.html");
    expect(info.pages.toSorted()).toEqual(expected.toSorted());
    expect(info.apiEntryPoints).toEqual(entryPoints.filter((e) => existsSync(join(root, e.file))).map((e) => e.file));
    for (const page of info.pages) expect(existsSync(join(siteDir, page)), page).toBe(true);
  });

  it("index.html links to every page, and only to pages that exist", BROWSER_TEST, async () => {
    const html = readFileSync(join(siteDir, "index.html"), "utf8");
    const links = [...new Set([...html.matchAll(/href="([^"#]+)"/g)].map((m) => m[1]!))];
    for (const page of info.pages.filter((p) => p !== "index.html")) expect(links, page).toContain(page);
    for (const link of links) expect(existsSync(join(siteDir, link)), link).toBe(true);
    const titles = specPages.filter((s) => info.pages.includes(s.page)).map((s) => s.title);
    const expectations: Expectation[] = [...titles, "TypeScript API"].map((t) => ({
      kind: "text",
      label: `link "${t}"`,
      text: t,
    }));
    const report = await checkPage(`${site.origin}/index.html`, { expect: expectations });
    expect(report.findings).toEqual([]);
  });

  it("reference.html renders the whole spec, loads nothing from elsewhere, and looks right", BROWSER_TEST, async () => {
    const expectations = specExpectations(customersDocument);
    // A guard against an expectation list that is empty because the document was misread.
    expect(expectations.filter((e) => e.kind === "name").length).toBeGreaterThan(10);
    expect(expectations.map((e) => e.label)).toEqual(
      expect.arrayContaining([
        'operation summary "Add or update a person"',
        "path /api/v1/customers/{identifier}",
        "parameter identifier",
        "server https://track.customer.io",
        "server https://track-eu.customer.io",
        "security scheme trackBasicAuth",
        "request body property email",
        "request body property object_type_id",
        'code sample "curl"',
        'code sample "curl" source',
        'code sample "TypeScript"',
        'code sample "TypeScript" source',
      ]),
    );
    const screenshot = join(shots, "reference.png");
    rmSync(screenshot, { force: true });
    const report = await checkPage(`${site.origin}/reference.html`, {
      expect: expectations,
      walk: "redoc",
      codeSamples: codeSampleLabels(customersDocument),
      screenshot,
    });
    expect(report.findings).toEqual([]);
    expect(existsSync(screenshot)).toBe(true);
    // Redoc is inlined: the page itself is the only thing requested (once per tag the walk opens).
    expect(new Set(report.requests.map((r) => new URL(r.url).pathname))).toEqual(new Set(["/reference.html"]));
  });

  it("simulator.html renders the simulator's own spec", BROWSER_TEST, async (ctx) => {
    if (!info.pages.includes("simulator.html")) return ctx.skip();
    const generated = join(root, "generated", "simulator.document.ts");
    expect(existsSync(generated), "run npm run generate").toBe(true);
    const doc = ((await import(generated)) as { default: OpenApiDocument }).default;
    const screenshot = join(shots, "simulator.png");
    const report = await checkPage(`${site.origin}/simulator.html`, {
      expect: specExpectations(doc),
      walk: "redoc",
      screenshot,
    });
    expect(report.findings).toEqual([]);
  });

  it(
    "the guide pages are README.md and docs/*.md: every heading, every code block, every link resolves",
    BROWSER_TEST,
    async () => {
      const guides = guidePages();
      expect(guides.map((g) => g.page)).toContain("guide.html");
      expect(guides.length).toBeGreaterThan(1);
      for (const g of guides) {
        const tokens = new Marked().lexer(readFileSync(join(root, g.source), "utf8"));
        const headings = tokens
          .filter((t): t is Tokens.Heading => t.type === "heading")
          .map((t) => plainInline(t.text));
        const codeBlocks = tokens.filter((t): t is Tokens.Code => t.type === "code");
        expect(headings.length, g.source).toBeGreaterThan(0);
        const expectations: Expectation[] = [
          ...headings.map((h): Expectation => ({ kind: "text", label: `${g.source} heading "${h}"`, text: h })),
          // The longest line of each block stands for the block.
          ...codeBlocks.map((c, i): Expectation => {
            const line = c.text.split("\n").reduce((a, b) => (b.trim().length > a.trim().length ? b : a), "");
            return { kind: "text", label: `${g.source} code block ${i + 1}`, text: line };
          }),
        ];
        const screenshot = g.page === "guide.html" ? { screenshot: join(shots, "guide.png") } : {};
        const report = await checkPage(`${site.origin}/${g.page}`, { expect: expectations, ...screenshot });
        expect(report.findings, g.page).toEqual([]);
        const html = readFileSync(join(siteDir, g.page), "utf8");
        expect(html.match(/<pre><code/g)?.length ?? 0, g.page).toBe(codeBlocks.length);
        // Links to other pages and files of the site or the repository point at something that exists.
        for (const [, href] of html.matchAll(/href="([^"#:]+)(?:#[^"]*)?"/g)) {
          expect(existsSync(join(siteDir, dirname(g.page), href!)), `${g.page} links to ${href}`).toBe(true);
        }
      }
    },
  );

  it("every page links back to the home page", () => {
    for (const page of info.pages.filter((p) => p !== "index.html")) {
      const home = page.includes("/") ? "../".repeat(page.split("/").length - 1) + "index.html" : "index.html";
      expect(readFileSync(join(siteDir, page), "utf8"), page).toContain(`href="${home}"`);
    }
  });

  it("guide code is highlighted when built, and escaped in a language it does not know", () => {
    expect(highlightCode('const a = "<b>"; // note', "ts")).toBe(
      '<pre><code class="hljs language-typescript"><span class="hljs-keyword">const</span> a = <span class="hljs-string">&quot;&lt;b&gt;&quot;</span>; <span class="hljs-comment">// note</span></code></pre>\n',
    );
    expect(highlightCode("<b> & </b>", "text")).toBe(
      '<pre><code class="hljs">&lt;b&gt; &amp; &lt;/b&gt;</code></pre>\n',
    );
    expect(readFileSync(join(siteDir, "guide.html"), "utf8")).toContain(
      '<code class="hljs language-typescript"><span class="hljs-keyword">import</span>',
    );
  });

  it("links between Markdown sources become links between their pages", () => {
    expect(linkFromPage("docs/client.md#errors", "README.md", "guide.html")).toBe("docs/client.html#errors");
    expect(linkFromPage("../README.md", "docs/cli.md", "docs/cli.html")).toBe("../guide.html");
    expect(linkFromPage("simulator.md", "docs/cli.md", "docs/cli.html")).toBe("simulator.html");
    expect(linkFromPage("../openapi/customers.yaml", "docs/spec.md", "docs/spec.html")).toBe(
      "../../openapi/customers.yaml",
    );
    expect(linkFromPage("openapi/customers.yaml", "README.md", "guide.html")).toBe("../openapi/customers.yaml");
    expect(linkFromPage("images/inspector.png", "docs/simulator.md", "docs/simulator.html")).toBe(
      "images/inspector.png",
    );
    expect(linkFromPage("docs/images/inspector.png", "README.md", "guide.html")).toBe("docs/images/inspector.png");
    expect(linkFromPage("#install", "README.md", "guide.html")).toBe("#install");
    expect(linkFromPage("https://customer.io/docs/", "README.md", "guide.html")).toBe("https://customer.io/docs/");
  });

  it("api/ documents every export of every public entry point", BROWSER_TEST, async () => {
    const names = exportedNames(info.apiEntryPoints);
    const modules = entryPoints.filter((e) => info.apiEntryPoints.includes(e.file));
    const index = await checkPage(`${site.origin}/api/index.html`, {
      expect: modules.map((m) => ({ kind: "text", label: `module ${m.specifier}`, text: m.specifier })),
      screenshot: join(shots, "api.png"),
    });
    expect(index.findings).toEqual([]);
    for (const m of modules) {
      const exports = names.get(m.file) ?? [];
      expect(exports.length, m.file).toBeGreaterThan(0);
      const page = `api/modules/${m.specifier.replaceAll("/", "_")}.html`;
      expect(existsSync(join(siteDir, page)), page).toBe(true);
      const report = await checkPage(`${site.origin}/${page}`, {
        expect: exports.map((n) => ({ kind: "text", label: `${m.specifier} export ${n}`, text: n })),
      });
      expect(report.findings).toEqual([]);
    }
  });
});

describe.skipIf(skip)("the checker fails broken pages", () => {
  let scratch: string;
  let broken: StaticServer;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "cio-docs-broken-"));
    broken = await serveDir(scratch);
  });
  afterAll(async () => {
    await broken?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it(
    "a reference rendered from a spec with one body field removed: exactly that field is reported missing",
    BROWSER_TEST,
    async () => {
      const doc = structuredClone(customersDocument) as OpenApiDocument;
      type Schema = { properties?: Record<string, unknown>; allOf?: Schema[] };
      const body = (
        doc as { paths: Record<string, { put: { requestBody: { content: Record<string, { schema: Schema }> } } }> }
      ).paths["/api/v1/customers/{identifier}"]!.put.requestBody.content["application/json"]!.schema;
      // The body schema is an allOf of the declared fields and the custom-attribute map: remove the field where it is declared.
      const schema = [body, ...(body.allOf ?? [])].find(
        (s): s is Schema & { properties: Record<string, unknown> } => s.properties !== undefined,
      )!;
      expect(schema.properties).toHaveProperty("anonymous_id");
      delete schema.properties["anonymous_id"];
      writeFileSync(join(scratch, "spec.json"), JSON.stringify(doc));
      renderSpec(join(scratch, "spec.json"), join(scratch, "missing-field.html"));

      // The field's name still appears in prose (rules C16 and the limits mention it); only the schema lost it.
      expect(readFileSync(join(scratch, "missing-field.html"), "utf8")).toContain("anonymous_id");
      const report = await checkPage(`${broken.origin}/missing-field.html`, {
        expect: specExpectations(customersDocument),
        walk: "redoc",
        codeSamples: codeSampleLabels(customersDocument),
      });
      expect(report.findings).toEqual([{ kind: "missing", detail: "request body property anonymous_id" }]);
    },
  );

  it(
    "a page that loads a script from a CDN: exactly that request is reported, and it never leaves the machine",
    BROWSER_TEST,
    async () => {
      const cdn = "https://cdn.jsdelivr.net/npm/left-pad@1.3.0/index.js";
      const html = readFileSync(join(siteDir, "reference.html"), "utf8").replace(
        "</head>",
        `<script src="${cdn}"></script></head>`,
      );
      writeFileSync(join(scratch, "cdn.html"), html);
      // The script is asked for as the page loads, so no walk is needed; the page still renders without it.
      const report = await checkPage(`${broken.origin}/cdn.html`, {
        expect: [
          {
            kind: "text",
            label: "the document's title",
            text: (customersDocument as { info: { title: string } }).info.title,
          },
        ],
      });
      expect(report.findings).toEqual([{ kind: "outside-request", detail: `GET ${cdn}` }]);
      expect(new Set(report.requests.filter((r) => r.blocked).map((r) => r.url))).toEqual(new Set([cdn]));
    },
  );

  it(
    "a page showing Markdown as written in its prose: each literal is reported, code is not",
    BROWSER_TEST,
    async () => {
      writeFileSync(
        join(scratch, "literal.html"),
        "<!doctype html><title>t</title><p>Send `email` with **care**, see [the spec](spec.html).</p><pre><code>`fine` **here**</code></pre>",
      );
      const report = await checkPage(`${broken.origin}/literal.html`, { expect: [] });
      expect(report.findings).toEqual([
        { kind: "literal-markdown", detail: "`email`" },
        { kind: "literal-markdown", detail: "**care**" },
        { kind: "literal-markdown", detail: "[the spec](spec.html)" },
      ]);
    },
  );

  it("a page whose script throws, and that misses a heading: both are reported", BROWSER_TEST, async () => {
    writeFileSync(
      join(scratch, "throws.html"),
      `<!doctype html><title>t</title><h1>Present</h1><script>throw new Error("boom");</script>`,
    );
    const report = await checkPage(`${broken.origin}/throws.html`, {
      expect: [
        { kind: "text", label: "heading Present", text: "Present" },
        { kind: "text", label: "heading Absent", text: "Absent" },
      ],
    });
    expect(report.findings).toEqual([
      { kind: "page-error", detail: "boom" },
      { kind: "missing", detail: "heading Absent" },
    ]);
  });
});
