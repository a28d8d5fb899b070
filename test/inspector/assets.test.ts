/**
 * The inspector page's files are served from src/simulator/inspector/assets.ts, built from the page's sources by
 * scripts/inspector-assets.ts: it must be what those sources give today, and the check must notice when it is not.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assetsFile, isStale, renderAssets } from "../../scripts/inspector-assets.js";
import { INSPECTOR_ASSETS } from "../../src/simulator/inspector/assets.js";

describe("the inspector's built files", () => {
  it("are what index.html, inspector.css and app.ts give (npx tsx scripts/inspector-assets.ts rebuilds them)", () => {
    expect(isStale(readFileSync(assetsFile, "utf8"))).toBe(false);
  });

  it("are reported stale when they differ from the sources, or are missing", () => {
    const current = renderAssets();
    expect(isStale(current.replace("Skip to content", "Skip"))).toBe(true);
    expect(isStale(undefined)).toBe(true);
  });

  it("hold the page, its style and its script, the script compiled to JavaScript", () => {
    expect(Object.keys(INSPECTOR_ASSETS).toSorted()).toEqual(["index.html", "inspector.css", "inspector.js"]);
    const script = INSPECTOR_ASSETS["inspector.js"]!.body;
    expect(script).not.toMatch(/\binterface\s+\w+\s*\{/);
    expect(script).toContain("function render()");
    // Every address the page names is its own: no other host anywhere in its files.
    for (const { body } of Object.values(INSPECTOR_ASSETS))
      expect(body).not.toMatch(/\b(?:https?:)?\/\/(?!127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}/i);
  });
});
