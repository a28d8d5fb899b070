/**
 * The operation's `x-codeSamples`, which the rendered reference shows beside it: the TypeScript sample type-checks
 * against this client and runs against the simulator (as the README's examples do), and the curl sample sends a
 * body the spec accepts to an identifier encoded exactly once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import document from "../../generated/customers.document.js";
import { validatePersonBody } from "../../src/spec/validator.js";
import { checkExamples, describeFindings } from "../docs/readme-harness.js";

interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const operation = (document["paths"] as Record<string, Record<string, Record<string, unknown>>>)[
  "/api/v1/customers/{identifier}"
]!["put"]!;
const samples = operation["x-codeSamples"] as CodeSample[];
const sample = (lang: string) => samples.find((s) => s.lang === lang)!;
/** The person the TypeScript sample identifies, by email. */
const identifier = /identify\(\{ email: "([^"]+)" \}/.exec(sample("TypeScript").source)?.[1] ?? "";
const work = join(import.meta.dirname, "..", "..", "test-results", "code-samples");

/**
 * What is wrong with a curl command for this operation: method, host, headers, body, and the identifier, which
 * must be `identifier` (the one the TypeScript sample uses) encoded exactly once.
 */
export function curlProblems(command: string, identifier: string): string[] {
  const problems: string[] = [];
  const joined = command.replace(/\\\n\s*/g, " ");
  const url = /'(https:\/\/[^']+)'/.exec(joined)?.[1];
  if (!/-X PUT\b/.test(joined)) problems.push("not a PUT");
  if (!/-u "\$CIO_SITE_ID:\$CIO_API_KEY"/.test(joined)) problems.push("no Basic credentials from the environment");
  if (!/-H 'Content-Type: application\/json'/.test(joined)) problems.push("no JSON content type");
  const servers = (document["servers"] as { url: string }[]).map((s) => s.url);
  const match = url === undefined ? null : /^(https:\/\/[^/]+)\/api\/v1\/customers\/([^/?#]+)$/.exec(url);
  if (match === null) problems.push(`the URL ${String(url)} is not the operation's path on a host`);
  else {
    if (!servers.includes(match[1]!)) problems.push(`${match[1]} is not one of the spec's servers`);
    if (match[2] !== encodeURIComponent(identifier))
      problems.push(`the identifier ${match[2]} is not ${identifier} encoded exactly once`);
  }
  const body = /-d '([^']*)'/.exec(joined)?.[1];
  if (body === undefined) problems.push("no body");
  else {
    try {
      const findings = validatePersonBody(JSON.parse(body));
      if (findings.length > 0)
        problems.push(`the body breaks the schema: ${findings.map((f) => `${f.path} ${f.message}`).join("; ")}`);
    } catch {
      problems.push("the body is not JSON");
    }
  }
  return problems;
}

describe("x-codeSamples of identify", () => {
  it("has a curl and a TypeScript sample, about the same person", () => {
    expect(samples.map((s) => s.lang)).toEqual(["Shell", "TypeScript"]);
    expect(identifier).toBe("a+b@example.com");
  });

  it("every sample's label is in redocly.yaml's language list, without which Redoc does not show it", () => {
    // The list is openapi.codeSamples.languages: one "- lang: <label>" line per entry.
    const config = readFileSync(join(import.meta.dirname, "..", "..", "redocly.yaml"), "utf8");
    const listed = [...config.matchAll(/^\s+- lang: (.+)$/gm)].map((m) => m[1]?.trim());
    expect(listed).toEqual(expect.arrayContaining(samples.map((s) => s.label)));
  });

  it("the curl sample sends a valid body to an identifier encoded once", () => {
    expect(curlProblems(sample("Shell").source, identifier)).toEqual([]);
  });

  it("the curl check fails a sample with an identifier encoded twice and a wrong-typed created_at", () => {
    const broken = sample("Shell")
      .source.replace("a%2Bb%40example.com", "a%252Bb%2540example.com")
      .replace('"created_at": 1700000000', '"created_at": "yesterday"');
    const problems = curlProblems(broken, identifier);
    expect(problems.some((p) => p.includes("encoded exactly once"))).toBe(true);
    expect(problems.some((p) => p.includes("/created_at"))).toBe(true);
  });

  it(
    "the TypeScript sample type-checks against this client and runs against the simulator",
    { timeout: 300_000 },
    async () => {
      const report = await checkExamples(`\`\`\`ts\n${sample("TypeScript").source}\`\`\`\n`, work);
      expect(report.findings, describeFindings("x-codeSamples", report.findings)).toEqual([]);
      expect(report.ran.reduce((sum, r) => sum + r.simulatedRequests, 0)).toBeGreaterThan(0);
    },
  );
});
