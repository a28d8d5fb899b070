import { describe, expect, it } from "vitest";
import { CHROMIUM_PATHS, findChromium, missingChromium, skipLine } from "./chromium.js";

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

describe("a missing browser", () => {
  const none = () => false;
  const debian = (path: string) => path === "/usr/bin/chromium";

  it("outside CI skips the browser checks with one line saying how to run them", () => {
    const line = skipLine("the docs site", {}, none);
    expect(line).toBe(
      "skipped the docs site: no Chromium found; install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary",
    );
    expect(line).not.toContain("\n");
    expect(skipLine("the docs site", { CI: "false" }, none)).toBe(line);
  });

  it("in CI is not skipped: the checks run and fail, saying where the browser was looked for", () => {
    expect(skipLine("the docs site", { CI: "true" }, none)).toBeUndefined();
    expect(missingChromium({ CI: "true" }, none)).toBe(
      `no Chromium found (looked in ${CHROMIUM_PATHS.join(", ")}); install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    );
    expect(missingChromium({ CHROMIUM_PATH: "/nowhere/chrome" }, debian)).toMatch(
      /^no Chromium found \(CHROMIUM_PATH=\/nowhere\/chrome does not exist\)/,
    );
  });

  it("is no reason to skip when a browser is found", () => {
    expect(skipLine("the docs site", {}, debian)).toBeUndefined();
    expect(missingChromium({}, debian)).toBeUndefined();
  });
});
