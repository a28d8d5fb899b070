import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutNode20Notice } from "../../scripts/redocly.js";

const root = join(import.meta.dirname, "..", "..");

// The notice as Redocly CLI 2.77 prints it under Node 20, in the layout that matters here: a blank line, the box,
// a blank line.
const notice = [
  "",
  "    ╔══════════════════════════════════════╗",
  "    ║                                      ║",
  "    ║  Deprecation warning: Node.js 20 support is ending ║",
  "    ║  You are using Node.js v20.20.2.     ║",
  "    ╚══════════════════════════════════════╝",
  "",
].join("\n");

describe("scripts/redocly.ts", () => {
  it("leaves out the Node 20 notice and nothing else", () => {
    const rest = "validating openapi/customers.yaml...\nopenapi/customers.yaml: validated in 499ms\n";
    expect(withoutNode20Notice(`${notice}\n${rest}`)).toBe(rest);
  });

  it("keeps any other box, and text with no box, unchanged", () => {
    const other = "  ╔═══╗\n  ║ A new version of Redocly CLI is available ║\n  ╚═══╝\n\nerror: 2 problems\n";
    expect(withoutNode20Notice(other)).toBe(other);
    expect(withoutNode20Notice("plain\n\ntext")).toBe("plain\n\ntext");
  });

  it("keeps an unclosed box, since it cannot tell what follows", () => {
    const open = "    ╔══╗\n    ║  Deprecation warning: Node.js 20 support is ending ║\n";
    expect(withoutNode20Notice(open)).toBe(open);
  });

  it("runs the pinned CLI, keeping its output and exit status, with no notice on this Node", () => {
    const run = spawnSync(join(root, "node_modules", ".bin", "tsx"), ["scripts/redocly.ts", "lint", "no-such.yaml"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("no-such.yaml does not exist");
    expect(run.stdout + run.stderr).not.toContain("Node.js 20");
  });
});
