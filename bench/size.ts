/**
 * Size: what a bundle pulls in for each entry of the client. esbuild bundles, minified, as ESM for the browser: the
 * main entry as a browser's bundler resolves it (the `browser` condition: `src/browser.ts`), the universal entry
 * that Deno, Bun and workers resolve (`src/index.ts`) and `cio-customers/raw` (`src/raw.ts`, openapi-fetch
 * included); and the Node entry (`src/node/index.ts`) for Node with its one dependency, undici, left external (Node
 * installs it; it is not shipped to browsers). Each bundle is then gzipped (node:zlib, level 9). customerio-node is
 * bundled the same way from its package entry, for Node (it needs Node's built-ins), as the comparison.
 */
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { ROOT } from "./paths.js";
import { ratio, round } from "./stats.js";

export interface BundleSize {
  entry: string;
  platform: "browser" | "node";
  /** Minified bundle, bytes. */
  minBytes: number;
  /** Minified then gzipped (level 9), bytes (goal for this client ≤ 8 KB = 8192). */
  gzipBytes: number;
  /** The inputs that contribute most to the minified bundle, bytes each. */
  largestInputs: { path: string; bytes: number }[];
}

export interface SizeResult {
  /** The main entry for the browser (goal ≤ 8192 B gzipped). */
  client: BundleSize;
  /** The main entry elsewhere (Deno, Bun, workers): the browser's plus redirect following. */
  universal: BundleSize;
  /** `cio-customers/raw` for the browser. */
  raw: BundleSize;
  /** The Node entry, undici external. */
  node: BundleSize;
  customerioNode?: BundleSize;
  /** This client's gzipped bytes ÷ customerio-node's. */
  gzipVsCustomerioNode?: number;
  skipped: string[];
}

/** One entry bundled as the benchmark measures it. */
export async function bundle(
  entry: string,
  platform: "browser" | "node",
  external: string[] = [],
): Promise<BundleSize> {
  const result = await build({
    external,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: ROOT,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return {
    entry: entry.startsWith(ROOT) ? entry.slice(ROOT.length) : entry,
    platform,
    minBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    largestInputs: largestInputs(result.metafile),
  };
}

function largestInputs(metafile: Metafile | undefined, count = 6): { path: string; bytes: number }[] {
  const outputs = Object.values(metafile?.outputs ?? {});
  const inputs = outputs.flatMap((o) =>
    Object.entries(o.inputs).map(([path, info]) => ({ path, bytes: info.bytesInOutput })),
  );
  return inputs.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

export async function measureSize(customerioNodeEntry: string | undefined): Promise<SizeResult> {
  const client = await bundle(join(ROOT, "src", "browser.ts"), "browser");
  const universal = await bundle(join(ROOT, "src", "index.ts"), "browser");
  const raw = await bundle(join(ROOT, "src", "raw.ts"), "browser");
  const node = await bundle(join(ROOT, "src", "node", "index.ts"), "node", ["undici"]);
  if (customerioNodeEntry === undefined)
    return { client, universal, raw, node, skipped: ["customerio-node (bench/peers is not installed)"] };
  const customerioNode = await bundle(customerioNodeEntry, "node");
  return {
    client,
    universal,
    raw,
    node,
    customerioNode,
    gzipVsCustomerioNode: round(ratio(client.gzipBytes, customerioNode.gzipBytes), 3),
    skipped: [],
  };
}
