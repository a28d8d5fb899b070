import { describe, expect, it } from "vitest";
import { CHROMIUM_PATHS, findChromium } from "./chromium.js";

describe("finding Chromium", () => {
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it("takes $CHROMIUM_PATH first", () => {
    expect(
      findChromium({ CHROMIUM_PATH: "/opt/chromium/chrome" }, only("/opt/chromium/chrome", "/usr/bin/chromium")),
    ).toBe("/opt/chromium/chrome");
  });

  it("reports none when $CHROMIUM_PATH names a missing file, rather than driving another browser", () => {
    expect(findChromium({ CHROMIUM_PATH: "/nowhere/chrome" }, only("/usr/bin/chromium"))).toBeUndefined();
  });

  it("else takes the first usual path that exists: Debian's before Google Chrome's", () => {
    expect(findChromium({}, only("/usr/bin/google-chrome", "/usr/bin/chromium"))).toBe("/usr/bin/chromium");
    expect(findChromium({}, only("/usr/bin/google-chrome"))).toBe("/usr/bin/google-chrome");
    expect(CHROMIUM_PATHS[0]).toBe("/usr/bin/chromium");
  });

  it("reports none when no path exists", () => {
    expect(findChromium({}, only())).toBeUndefined();
  });
});
