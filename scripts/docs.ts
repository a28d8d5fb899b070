/**
 * Builds the documentation site into docs-site/, offline, from the sources it documents:
 *
 *   docs-site/reference.html   openapi/customers.yaml rendered by Redoc (`redocly build-docs --inlineBundle`)
 *   docs-site/simulator.html   openapi/simulator.yaml, the same way, when that document exists
 *   docs-site/guide.html       README.md rendered by marked into one self-contained page
 *   docs-site/docs/*.html      each docs/*.md the same way (the README links to them)
 *   docs-site/api/             typedoc of the public entry points that exist
 *   docs-site/index.html       links to all of the above
 *   docs-site/build-info.json  what was built, from which inputs (test/docs/site.test.ts reuses a fresh build)
 *
 * Run it with `npm run docs`. Nothing here, nor in the pages it writes, reaches a host outside this machine:
 * Redocly telemetry is off, Redoc is inlined, and the one remote image in Redoc's bundle is replaced by an inline
 * one. test/docs/site.test.ts opens every page in Chromium and fails on any request to another host.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import { Marked, type Tokens } from "marked";
import { Application, Converter, OptionDefaults, ReflectionKind, type Context } from "typedoc";

export const root = resolve(import.meta.dirname, "..");
export const siteDir = join(root, "docs-site");

/** An OpenAPI document and the page it becomes. */
export interface SpecPage {
  spec: string;
  page: string;
  title: string;
  blurb: string;
}

export const specPages: readonly SpecPage[] = [
  {
    spec: "openapi/customers.yaml",
    page: "reference.html",
    title: "API reference",
    blurb: "PUT /api/v1/customers/{identifier}: every rule, body field, limit, server and named example of the spec.",
  },
  {
    spec: "openapi/simulator.yaml",
    page: "simulator.html",
    title: "Simulator API",
    blurb: "The reference simulator's own endpoints under /__simulator/, for inspecting and arranging its workspace.",
  },
];

/**
 * Entry points of the public surface, with the import specifier each is published under: every entry of
 * package.json's `exports` that has types, traced from its built declaration file back to its source.
 */
export const entryPoints: readonly { file: string; specifier: string }[] = Object.entries(
  (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      exports?: Record<string, string | { types?: string }>;
    }
  ).exports ?? {},
).flatMap(([subpath, target]) => {
  const types = typeof target === "string" ? undefined : target.types;
  if (types === undefined) return [];
  const file = types.replace(/^\.\/dist\//, "").replace(/\.d\.ts$/, ".ts");
  return [{ file, specifier: subpath === "." ? "cio-customers" : `cio-customers/${subpath.replace(/^\.\//, "")}` }];
});

/** A Markdown file of the repository and the guide page it becomes. */
export interface GuidePage {
  /** Repository-relative path of the Markdown source. */
  source: string;
  /** Site-relative path of the page. */
  page: string;
  /** The source's first `# ` heading. */
  title: string;
}

// The docs pages in reading order; any other docs/*.md follows, by name.
const docsOrder = ["client", "simulator", "conformance", "cli", "spec", "resilience", "benchmarks", "contributing"];

/** README.md as guide.html, then every docs/*.md as docs/<name>.html. */
export function guidePages(): GuidePage[] {
  const titleOf = (file: string) =>
    /^#\s+(.+)$/m.exec(readFileSync(join(root, file), "utf8"))?.[1]?.trim() ?? basename(file, ".md");
  const docs = existsSync(join(root, "docs"))
    ? readdirSync(join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => basename(f, ".md"))
        .sort((a, b) => (docsOrder.indexOf(a) + 1 || 1e3) - (docsOrder.indexOf(b) + 1 || 1e3) || a.localeCompare(b))
    : [];
  return [
    ...(existsSync(join(root, "README.md"))
      ? [{ source: "README.md", page: "guide.html", title: titleOf("README.md") }]
      : []),
    ...docs.map((name) => ({
      source: `docs/${name}.md`,
      page: `docs/${name}.html`,
      title: titleOf(`docs/${name}.md`),
    })),
  ];
}

export interface BuildInfo {
  fingerprint: string;
  pages: string[];
  skipped: string[];
  apiEntryPoints: string[];
  durationMs: number;
}

const redoclyEnv = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };

// Redoc 3's sidebar shows an attribution image loaded from Redocly's CDN; no option turns it off. The build swaps
// it for this inline picture so the page makes no request elsewhere. The link to redocly.com stays.
const redocLogoUrl = "https://cdn.redoc.ly/redoc/logo-mini-full.svg";
const redocLogoUrls = [redocLogoUrl, "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const inlineLogo =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14" viewBox="0 0 44 14">' +
      '<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="700" fill="#0044d4">Redoc</text></svg>',
  );

/**
 * Renders one OpenAPI document (YAML or JSON) with `redocly build-docs --inlineBundle` into outFile and makes the
 * page self-contained. Throws when the page would still reach another host or send telemetry.
 */
export function renderSpec(specPath: string, outFile: string, home?: string): void {
  execFileSync(
    join(root, "node_modules", ".bin", "redocly"),
    ["build-docs", specPath, "--inlineBundle", "-o", outFile],
    {
      cwd: root,
      env: redoclyEnv,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let html = readFileSync(outFile, "utf8");
  if (!html.includes(redocLogoUrl)) {
    throw new Error(
      `${outFile}: Redoc's CDN logo URL was not found; the Redoc bundle changed, so check the page for outside requests again`,
    );
  }
  for (const url of redocLogoUrls) html = html.replaceAll(url, inlineLogo);
  if (/cdn\.redoc\.ly|cdn\.redocly\.com\/redoc\//.test(html)) {
    throw new Error(`${outFile}: the page still refers to Redoc's CDN (was --inlineBundle dropped?)`);
  }
  if (!html.includes(`"disableTelemetry":true`)) {
    throw new Error(`${outFile}: Redoc's browser telemetry is on; redocly.yaml must say telemetry: off`);
  }
  // A way back to the rest of the site, fixed in the top right corner above Redoc's own layout.
  if (home !== undefined) {
    const link = `<a href="${escapeHtml(home)}" style="position:fixed;top:0.5rem;right:0.75rem;z-index:1000;padding:0.25rem 0.6rem;background:#fff;border:1px solid #d0d7de;border-radius:6px;font:14px system-ui,sans-serif;color:#0550ae;text-decoration:none">Docs home</a>`;
    html = html.replace(/<body([^>]*)>/, (body) => `${body}${link}`);
  }
  writeFileSync(outFile, html);
}

// ---------------------------------------------------------------------------------------------------------------
// The guide: README.md as one page.

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");

/**
 * A relative link in a Markdown source, as its page in docs-site/ must write it: a link to README.md or to a
 * docs/*.md file goes to that file's page (anchor kept); another file under docs/ (a picture) is in the site too; a
 * link to any other file of the repository goes to the file.
 */
export function linkFromPage(href: string, source: string, page: string): string {
  if (href === "" || href.startsWith("#") || isExternal(href)) return href;
  const [path = "", anchor] = href.split(/(?=#)/);
  const target = posix.normalize(posix.join(posix.dirname(source), path));
  const asPage =
    target === "README.md"
      ? "guide.html"
      : /^docs\/[^/]+\.md$/.test(target)
        ? target.replace(/\.md$/, ".html")
        : undefined;
  // Other files under docs/ (pictures) are copied into the site at the same place.
  const inSite = asPage ?? (target.startsWith("docs/") ? target : `../${target}`);
  const fromPage = posix.relative(posix.dirname(page), inSite) || posix.basename(page);
  return `${fromPage}${anchor ?? ""}`;
}

/** A site-relative href as the page at `page` writes it. */
const hrefFrom = (page: string, target: string) =>
  posix.relative(posix.dirname(page), target) || posix.basename(target);

function slugOf(text: string, used: Map<string, number>): string {
  const base =
    text
      .toLowerCase()
      .replace(/<[^>]*>/g, "")
      .replace(/&[a-z]+;|&#\d+;/g, "")
      .replace(/[^\p{Letter}\p{Number}\s-]/gu, "")
      .trim()
      .replace(/\s+/g, "-") || "section";
  const seen = used.get(base) ?? 0;
  used.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen}`;
}

const pageCss = `
  :root { color-scheme: light; --fg: #1c2128; --muted: #57606a; --line: #d0d7de; --code-bg: #f6f8fa; --accent: #0550ae; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); }
  header.site { border-bottom: 1px solid var(--line); padding: 0.75rem 1.5rem; display: flex; gap: 1.25rem; align-items: baseline; flex-wrap: wrap; }
  header.site strong { font-size: 1.05rem; }
  header.site a { color: var(--accent); text-decoration: none; }
  header.site a:hover { text-decoration: underline; }
  .layout { display: grid; grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr); gap: 2rem; max-width: 78rem; margin: 0 auto; padding: 1.5rem; }
  nav.toc { position: sticky; top: 1rem; align-self: start; max-height: calc(100vh - 2rem); overflow-y: auto; font-size: 0.9rem; }
  nav.toc ul { list-style: none; margin: 0; padding-left: 0.9rem; }
  nav.toc > ul { padding-left: 0; }
  nav.toc li.current > span { font-weight: 600; display: block; padding: 0.1rem 0; }
  nav.toc a { color: var(--muted); text-decoration: none; display: block; padding: 0.1rem 0; }
  nav.toc a:hover { color: var(--accent); }
  main { min-width: 0; }
  main.narrow { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
  h1 { font-size: 2rem; margin-top: 0; }
  h2 { font-size: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.3em; }
  a { color: var(--accent); }
  code { font: 0.875em/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
  pre { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 0.9rem 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  pre code { background: none; padding: 0; font-size: 0.85rem; }
  .hljs-keyword, .hljs-built_in, .hljs-literal, .hljs-meta { color: #cf222e; }
  .hljs-string, .hljs-regexp { color: #0a3069; }
  .hljs-comment { color: #6e7781; font-style: italic; }
  .hljs-number, .hljs-attr, .hljs-variable, .hljs-params { color: #0550ae; }
  .hljs-title, .hljs-title.function_, .hljs-title.class_ { color: #8250df; }
  .hljs-property, .hljs-attribute { color: #953800; }
  table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
  th, td { border: 1px solid var(--line); padding: 0.4rem 0.7rem; text-align: left; vertical-align: top; }
  th { background: var(--code-bg); }
  blockquote { margin: 1rem 0; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--line); }
  img { max-width: 100%; }
  ul.pages { list-style: none; padding: 0; }
  ul.pages li { border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1.1rem; margin: 0.8rem 0; }
  ul.pages a { font-weight: 600; font-size: 1.1rem; }
  ul.pages p { margin: 0.3rem 0 0; color: var(--muted); }
  footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 1rem; }
  @media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } nav.toc { position: static; max-height: none; } }
`;

// The pages we write ourselves forbid every outside load: a browser refuses it and says so in the console.
const selfContainedPolicy = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'`;

function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${selfContainedPolicy}">
<title>${escapeHtml(title)}</title>
<style>${pageCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The bar on top of every page we write; `current` is the site-relative path of the page, links are site-relative. */
function siteHeader(current: string, links: readonly { href: string; label: string }[]): string {
  const items = links.map((l) =>
    l.href === current
      ? `<span>${escapeHtml(l.label)}</span>`
      : `<a href="${escapeHtml(hrefFrom(current, l.href))}">${escapeHtml(l.label)}</a>`,
  );
  return `<header class="site"><strong>cio-customers</strong>${items.join("")}</header>`;
}

// The guide's code is highlighted when the page is built: spans and the classes below, no script in the page.
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("yaml", yaml);
const languageOf: Record<string, string> = {
  ts: "typescript",
  typescript: "typescript",
  mts: "typescript",
  js: "typescript",
  sh: "bash",
  bash: "bash",
  shell: "bash",
  json: "json",
  yaml: "yaml",
  yml: "yaml",
};

/** A fenced block as highlighted HTML; a language not listed is escaped as it is. */
export function highlightCode(text: string, lang: string | undefined): string {
  const language = languageOf[(lang ?? "").toLowerCase()];
  const body =
    language === undefined ? escapeHtml(text) : hljs.highlight(text, { language, ignoreIllegals: true }).value;
  return `<pre><code class="hljs${language === undefined ? "" : ` language-${language}`}">${body}</code></pre>\n`;
}

/**
 * One Markdown source (README.md or a docs/*.md) as a guide page: the site's bar on top, and on the side the list of
 * guide pages with the headings (h2, h3) of this one under its own entry.
 */
export function renderGuide(
  markdown: string,
  at: { source: string; page: string },
  nav: readonly { href: string; label: string }[],
  pages: readonly GuidePage[] = [],
): string {
  const used = new Map<string, number>();
  const headings: { depth: number; id: string; html: string }[] = [];
  const marked = new Marked({ gfm: true });
  marked.use({
    walkTokens(token) {
      if (token.type === "link" || token.type === "image") {
        const t = token as Tokens.Link | Tokens.Image;
        t.href = linkFromPage(t.href, at.source, at.page);
      }
    },
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const id = slugOf(inner, used);
        if (depth === 2 || depth === 3) headings.push({ depth, id, html: inner });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      code({ text, lang }) {
        return highlightCode(text, lang);
      },
      image({ href, text, title }) {
        // A picture from another host would be a request elsewhere: show a link to it instead.
        if (!isExternal(href)) return false;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(href)}"${titleAttr}>${escapeHtml(text || href)}</a>`;
      },
    },
  });
  const content = marked.parse(markdown, { async: false });
  const firstHeading = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? "Guide";

  let toc = "<ul>";
  let depth = 2;
  for (const h of headings) {
    if (h.depth > depth) toc += "<ul>";
    else if (h.depth < depth) toc += "</ul>";
    depth = h.depth;
    toc += `<li><a href="#${h.id}">${h.html.replace(/<\/?a[^>]*>/g, "")}</a></li>`;
  }
  toc += depth === 3 ? "</ul></ul>" : "</ul>";
  const listed = pages.some((p) => p.page === at.page) ? pages : [{ ...at, title: firstHeading }];
  const side = `<ul>${listed
    .map((p) =>
      p.page === at.page
        ? `<li class="current"><span>${escapeHtml(p.title)}</span>${toc}</li>`
        : `<li><a href="${escapeHtml(hrefFrom(at.page, p.page))}">${escapeHtml(p.title)}</a></li>`,
    )
    .join("")}</ul>`;

  return htmlPage(
    `${firstHeading} — cio-customers`,
    `${siteHeader(at.page, nav)}
<div class="layout">
<nav class="toc" aria-label="Contents">${side}</nav>
<main>
${content}
<footer>Generated from ${escapeHtml(at.source)} by <code>npm run docs</code>.</footer>
</main>
</div>`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The TypeScript API reference.

const docsHomeMarker = "cio-docs-home:";

async function renderApi(
  entries: readonly { file: string; specifier: string }[],
  outDir: string,
  scratch: string,
): Promise<void> {
  // A tsconfig holding only the entry points, so that work in progress elsewhere (tests, scripts) cannot break
  // the build, while a type error in the public surface still does.
  const tsconfig = join(scratch, "tsconfig.typedoc.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { noEmit: true, typeRoots: [join(root, "node_modules", "@types")] },
      include: [],
      files: entries.map((e) => join(root, e.file)),
    }),
  );
  const app = await Application.bootstrapWithPlugins({
    name: "cio-customers",
    entryPoints: entries.map((e) => join(root, e.file)),
    tsconfig,
    readme: "none",
    // No repository links: the checkout has no public remote to point at.
    disableSources: true,
    // "Customer.io" in a comment is a name, not a link.
    markdownItOptions: { linkify: false },
    // Types the public surface uses without exporting them on purpose: mapped helpers of the attribute types,
    // the conformance suite's HTTP recording internals, and the signature of a traffic check's judge.
    intentionallyNotExported: ["Schemas", "Declared", "RecordedExchange", "Session", "Judge"],
    // openapi-typescript writes @description and @constant in generated/*.ts.
    blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
    excludePrivate: true,
    excludeInternal: true,
    githubPages: false,
    // A way back to the rest of the site from every page; typedoc copies the href as given, so it is set per page below.
    navigationLinks: { "Docs home": docsHomeMarker },
    logLevel: "Warn",
  });
  // Name each module by the specifier it is imported with, instead of its folder.
  const specifierOf = new Map(entries.map((e) => [resolve(root, e.file), e.specifier]));
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context: Context) => {
    for (const mod of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = context.getSymbolFromReflection(mod)?.declarations?.[0]?.getSourceFile().fileName;
      const specifier = file === undefined ? undefined : specifierOf.get(resolve(file));
      if (specifier !== undefined) mod.name = specifier;
    }
  });
  const project = await app.convert();
  if (project === undefined || app.logger.hasErrors())
    throw new Error("typedoc could not convert the public entry points (see above)");
  // A type the public surface uses but does not export, a broken {@link}: typedoc warns, the build fails.
  app.validate(project);
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors()) throw new Error("typedoc failed to write docs-site/api (see above)");
  if (app.logger.hasWarnings()) throw new Error("typedoc warned about the public entry points (see above)");
  for (const file of filesUnder(outDir).filter((f) => f.endsWith(".html"))) {
    const home = relative(dirname(file), join(outDir, "..", "index.html"))
      .split(sep)
      .join("/");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll(`href="${docsHomeMarker}"`, `href="${home}"`));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Freshness.

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** A digest of everything the site is built from; build-info.json records it. */
export function inputsFingerprint(): string {
  const files = [
    ...["README.md", "redocly.yaml", "package-lock.json", "tsconfig.json", "scripts/docs.ts"]
      .map((f) => join(root, f))
      .filter((f) => existsSync(f)),
    ...["openapi", "src", "generated", "conformance", "docs"].flatMap((d) => filesUnder(join(root, d))),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function readBuildInfo(dir = siteDir): BuildInfo | undefined {
  const file = join(dir, "build-info.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BuildInfo) : undefined;
}

/** True when docs-site/ was built from exactly the inputs there are now. */
export function isFresh(dir = siteDir): boolean {
  return readBuildInfo(dir)?.fingerprint === inputsFingerprint();
}

// ---------------------------------------------------------------------------------------------------------------
// The whole site.

/** Builds the site into outDir; `log` hears one line per step with its time (`npm run docs` prints them). */
export async function buildDocs(outDir = siteDir, log: (line: string) => void = () => {}): Promise<BuildInfo> {
  const step = async (label: string, work: () => void | Promise<void>) => {
    const begun = performance.now();
    await work();
    log(`  ${label} (${Math.round(performance.now() - begun)} ms)`);
  };
  const started = performance.now();
  const fingerprint = inputsFingerprint();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), "cio-docs-"));
  const pages: string[] = [];
  const skipped: string[] = [];
  try {
    const specs = specPages.filter((s) => existsSync(join(root, s.spec)));
    for (const s of specPages) if (!specs.includes(s)) skipped.push(`${s.page} (${s.spec} does not exist)`);
    const apiEntries = entryPoints.filter((e) => existsSync(join(root, e.file)));
    for (const e of entryPoints)
      if (!apiEntries.includes(e)) skipped.push(`api/ entry point ${e.file} (does not exist)`);
    const guides = guidePages();
    const hasReadme = guides.some((g) => g.source === "README.md");
    if (!hasReadme) skipped.push("guide.html (README.md does not exist)");

    const nav = [
      { href: "index.html", label: "Docs" },
      ...specs.map((s) => ({ href: s.page, label: s.title })),
      ...(hasReadme ? [{ href: "guide.html", label: "Guide" }] : []),
      { href: "api/index.html", label: "TypeScript API" },
    ];

    for (const s of specs) {
      await step(`${s.page} from ${s.spec}`, () => renderSpec(join(root, s.spec), join(outDir, s.page), "index.html"));
      pages.push(s.page);
    }
    for (const g of guides) {
      await step(`${g.page} from ${g.source}`, () => {
        mkdirSync(dirname(join(outDir, g.page)), { recursive: true });
        writeFileSync(join(outDir, g.page), renderGuide(readFileSync(join(root, g.source), "utf8"), g, nav, guides));
      });
      pages.push(g.page);
    }
    await step("docs/ pictures", () => {
      if (existsSync(join(root, "docs")))
        cpSync(join(root, "docs"), join(outDir, "docs"), { recursive: true, filter: (from) => !from.endsWith(".md") });
    });
    await step(`api/ from ${apiEntries.map((e) => e.file).join(", ")}`, () =>
      renderApi(apiEntries, join(outDir, "api"), scratch),
    );
    pages.push("api/index.html");

    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      version: string;
      devDependencies?: Record<string, string>;
    };
    const tool = (name: string) => `${name} ${pkg.devDependencies?.[name] ?? "?"}`;
    const entriesHtml = [
      ...specs.map((s) => ({
        href: s.page,
        title: s.title,
        blurb: `${s.blurb} Rendered from <code>${s.spec}</code>.`,
      })),
      ...(hasReadme
        ? [
            {
              href: "guide.html",
              title: "Guide",
              blurb: "Install, quick starts, and the way into everything else. Rendered from <code>README.md</code>.",
            },
          ]
        : []),
      ...guides
        .filter((g) => g.source !== "README.md")
        .map((g) => ({ href: g.page, title: g.title, blurb: `Rendered from <code>${escapeHtml(g.source)}</code>.` })),
      {
        href: "api/index.html",
        title: "TypeScript API",
        blurb: `Every export of ${apiEntries.map((e) => `<code>${e.specifier}</code>`).join(", ")}, from the doc comments in the source.`,
      },
    ]
      .map((p) => `<li><a href="${p.href}">${escapeHtml(p.title)}</a><p>${p.blurb}</p></li>`)
      .join("\n");
    writeFileSync(
      join(outDir, "index.html"),
      htmlPage(
        "cio-customers documentation",
        `${siteHeader("index.html", nav)}
<main class="narrow">
<h1>cio-customers ${escapeHtml(pkg.version)} documentation</h1>
<p>A spec-first TypeScript toolkit for Customer.io's Track API <code>PUT /api/v1/customers/{identifier}</code>. Every page
here is generated from the repository by <code>npm run docs</code> and works offline: nothing is loaded from another host.</p>
<ul class="pages">
${entriesHtml}
</ul>
<footer>Built with ${[tool("@redocly/cli"), tool("marked"), tool("typedoc")].map(escapeHtml).join(", ")}.</footer>
</main>`,
      ),
    );
    pages.unshift("index.html");
    const info: BuildInfo = {
      fingerprint,
      pages,
      skipped,
      apiEntryPoints: apiEntries.map((e) => e.file),
      durationMs: Math.round(performance.now() - started),
    };
    writeFileSync(join(outDir, "build-info.json"), `${JSON.stringify(info, null, 2)}\n`);
    return info;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.env["REDOCLY_TELEMETRY"] = "off";
  console.log(`Building ${basename(siteDir)}/`);
  const info = await buildDocs(siteDir, (line) => console.log(line));
  for (const s of info.skipped) console.log(`  skipped ${s}`);
  console.log(
    `${info.pages.length} pages in ${relative(process.cwd(), siteDir) || "."}/ (${info.durationMs} ms). Open ${relative(process.cwd(), join(siteDir, "index.html"))}.`,
  );
}
