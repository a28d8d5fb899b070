/**
 * Reports for people (a clause-by-clause table), for machines (JSON) and for CI systems (JUnit XML, one test
 * case per check). Credentials never reach a report: exchanges are recorded with Authorization redacted.
 */
import { formatPath } from "../src/problem.js";
import type { CheckResult, ConformanceReport, Exchange } from "./types.js";

export type ReporterName = "human" | "json" | "junit";

export function formatReport(report: ConformanceReport, reporter: ReporterName): string {
  switch (reporter) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "junit":
      return formatJunit(report);
    case "human":
      return formatHuman(report);
  }
}

const MARK = { passed: "pass", failed: "FAIL", skipped: "skip" } as const;

export function formatHuman(report: ConformanceReport): string {
  const rows = report.results.map((r) => [
    r.id,
    r.clauses.length ? r.clauses.join(" ") : r.specElement,
    MARK[r.status],
  ]);
  const header = ["check", "clause / spec element", "result"];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => fit(cell, widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  out.push(`Conformance of PUT /api/v1/customers/{identifier} — target: ${report.target}, seed ${report.seed}`);
  out.push("");
  out.push(line(header));
  out.push(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) out.push(line(row));
  const failed = report.results.filter((r) => r.status === "failed");
  for (const result of failed) out.push("", ...describeFailure(result));
  for (const group of report.skips)
    out.push("", `${group.checks.length} ${group.checks.length === 1 ? "check" : "checks"} skipped: ${group.reason}.`);
  const { passed, failed: nFailed, skipped: nSkipped, total } = report.summary;
  out.push(
    "",
    `${total} checks: ${passed} passed, ${nFailed} failed, ${nSkipped} skipped (${report.durationMs} ms). Repeat with --seed ${report.seed}.`,
  );
  out.push(`Identifiers this run created start with ${report.runPrefix}`);
  if (report.unmetRequirement) out.push(`Run failed: ${report.unmetRequirement}.`);
  return `${out.join("\n")}\n`;
}

function describeFailure(result: CheckResult): string[] {
  const out = [`✗ ${result.id} — ${result.title}${result.clauses.length ? ` (${result.clauses.join(", ")})` : ""}`];
  for (const finding of result.findings.slice(0, 10)) {
    out.push(
      `    at ${formatPath(finding.path)} (${finding.code})`,
      `      expected: ${finding.expected}`,
      `      actual:   ${finding.actual}`,
    );
  }
  if (result.findings.length > 10) out.push(`    … and ${result.findings.length - 10} more findings`);
  for (const exchange of result.exchanges.slice(-2)) out.push(...describeExchange(exchange).map((l) => `    ${l}`));
  return out;
}

function describeExchange(exchange: Exchange): string[] {
  const { request, response } = exchange;
  const out = [`request:  ${request.method} ${request.url}`];
  for (const [key, value] of Object.entries(request.headers)) out.push(`          ${key}: ${value}`);
  if (request.body) out.push(`          ${request.body.slice(0, 300)}`);
  if (response) {
    out.push(`response: ${response.status} ${response.headers["content-type"] ?? ""}`.trimEnd());
    if (response.body) out.push(`          ${response.body.slice(0, 300)}`);
  } else if (exchange.error) {
    out.push(`response: none (${exchange.error})`);
  }
  return out;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * JUnit XML as the common CI readers take it (the structure of the `junit-10.xsd` schema that Jenkins' xunit
 * plugin validates, which GitLab, GitHub reporters and others read too): one `<testsuite>` per kind of check, each
 * with `tests`, `failures`, `errors`, `skipped` and `time`; one `<testcase>` per check, named by its stable id, so
 * a CI system's history follows a check however its clauses change. That schema allows `<properties>` on suites
 * only, so each check's clauses and spec element are suite properties named after the check
 * (`<id>.clauses`, `<id>.spec`, and `<id>.source` for wire checks), next to the target, the seed and the run prefix.
 */
export function formatJunit(report: ConformanceReport): string {
  const suites = new Map<string, CheckResult[]>();
  for (const result of report.results) suites.set(result.kind, [...(suites.get(result.kind) ?? []), result]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.summary;
  out.push(
    `<testsuites name="cio-customers conformance" tests="${total.total}" failures="${total.failed}" errors="0" time="${seconds(report.durationMs)}">`,
  );
  let index = 0;
  for (const [kind, results] of suites) {
    const failures = results.filter((r) => r.status === "failed").length;
    const skipped = results.filter((r) => r.status === "skipped").length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    out.push(
      `  <testsuite name="conformance.${xml(kind)}" id="${index++}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}" timestamp="${xml(report.startedAt)}">`,
    );
    out.push("    <properties>");
    const property = (name: string, value: string) =>
      out.push(`      <property name="${xml(name)}" value="${xml(value)}"/>`);
    property("target", report.target);
    property("seed", String(report.seed));
    property("run_prefix", report.runPrefix);
    if (report.unmetRequirement) property("unmet_requirement", report.unmetRequirement);
    for (const result of results) {
      property(`${result.id}.clauses`, result.clauses.join(","));
      property(`${result.id}.spec`, result.specElement);
      if (result.source !== undefined) property(`${result.id}.source`, result.source);
    }
    out.push("    </properties>");
    for (const result of results) {
      out.push(
        `    <testcase classname="conformance.${xml(kind)}" name="${xml(result.id)}" time="${seconds(result.durationMs)}">`,
      );
      if (result.status === "failed") {
        const first = result.findings[0];
        const message = first ? `${formatPath(first.path)}: expected ${first.expected}, got ${first.actual}` : "failed";
        out.push(
          `      <failure message="${xml(message.slice(0, 500))}" type="${xml(first?.code ?? result.id)}">${xml(describeFailure(result).join("\n"))}</failure>`,
        );
      } else if (result.status === "skipped") {
        out.push(`      <skipped message="${xml(result.reason ?? "")}"/>`);
      }
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes text for XML, and drops characters XML 1.0 cannot carry at all. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
