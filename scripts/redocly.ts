/**
 * Runs the pinned Redocly CLI with the arguments given (`tsx scripts/redocly.ts lint openapi/customers.yaml`), its
 * output printed when it ends, its exit status kept.
 *
 * One thing is left out: the boxed notice Redocly CLI prints on every run under Node 20, saying that its future
 * releases will need Node 22. This project supports Node 20 (package.json's engines) with the Redocly version its
 * lockfile pins, which runs there, so the notice asks nothing of a user running `npm test`; the CLI has no setting
 * to turn it off. Any other box, warning or error is printed as it is.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The first line of the notice that is left out. */
const noticeMarker = "Node.js 20 support is ending";

/**
 * The text without the Node 20 notice: a box (from a line with ╔ to the next line with ╚) that contains the marker,
 * with the blank line after it. Text without that box comes back unchanged.
 */
export function withoutNode20Notice(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.includes("╔")) {
      const end = lines.findIndex((l, j) => j > i && l.includes("╚"));
      if (end > i && lines.slice(i, end).some((l) => l.includes(noticeMarker))) {
        i = end + (lines[end + 1]?.trim() === "" ? 1 : 0);
        // The blank line Redocly prints before its box goes with it.
        if (kept.length > 0 && kept[kept.length - 1]?.trim() === "") kept.pop();
        continue;
      }
    }
    kept.push(line);
  }
  return kept.join("\n");
}

/** Everything a stream gives, as text. Redocly's runs here take seconds, so nothing is lost by printing at the end. */
async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

async function main(args: string[]): Promise<number> {
  const root = join(fileURLToPath(import.meta.url), "..", "..");
  const child = spawn(join(root, "node_modules", ".bin", "redocly"), args, {
    stdio: ["inherit", "pipe", "pipe"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  const exited = new Promise<number>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
  const [out, err] = await Promise.all([textOf(child.stdout), textOf(child.stderr)]);
  process.stdout.write(withoutNode20Notice(out));
  process.stderr.write(withoutNode20Notice(err));
  return exited;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
