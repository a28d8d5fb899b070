/**
 * The browser's main entry within its budget, as `npm run bench` measures it (esbuild, minified, gzip -9): a change
 * that makes the bundle a browser downloads bigger than 8 KB fails here, not only in the next benchmark run.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_GZIP_BUDGET } from "../../bench/goals.js";
import { ROOT } from "../../bench/paths.js";
import { bundle } from "../../bench/size.js";

describe("the browser's main entry", () => {
  it("is at most 8 KB minified and gzipped, without openapi-fetch or redirect following", async () => {
    const browser = await bundle(join(ROOT, "src", "browser.ts"), "browser");
    expect(browser.gzipBytes).toBeLessThanOrEqual(CLIENT_GZIP_BUDGET);
    const inputs = browser.largestInputs.map((input) => input.path).join();
    expect(inputs).not.toContain("openapi-fetch");
    const universal = await bundle(join(ROOT, "src", "index.ts"), "browser");
    expect(universal.gzipBytes).toBeGreaterThan(browser.gzipBytes);
  });
});
