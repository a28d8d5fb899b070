/**
 * Reports for people (a clause-by-clause table), for machines (JSON) and for CI systems (JUnit XML, one test
 * case per check). Credentials never reach a report: exchanges are recorded with Authorization redacted.
 */
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
  const rows = report.results.map((r) => [r.id, r.clauses.length ? r.clauses.join(" ") : r.specElement, MARK[r.status]]);
  const header = ["check", "clause / spec element", "result"];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length))));
  const line = (cells: string[]) => cells.map((cell, i) => fit(cell, widths[i] ?? 10)).join("  ").trimEnd();
  const out: string[] = [];
  out.push(`Conformance of PUT /api/v1/customers/{identifier} — target: ${report.target}, seed ${report.seed}`);
  out.push("");
  out.push(line(header));
  out.push(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) out.push(line(row));
  const failed = report.results.filter((r) => r.status === "failed");
  for (const result of failed) out.push("", ...describeFailure(result));
  const skipped = report.results.filter((r) => r.status === "skipped");
  if (skipped.length) {
    out.push("", "Skipped:");
    for (const result of skipped) out.push(`  ${result.id}: ${result.reason ?? ""}`);
  }
  const { passed, failed: nFailed, skipped: nSkipped, total } = report.summary;
  out.push("", `${total} checks: ${passed} passed, ${nFailed} failed, ${nSkipped} skipped (${report.durationMs} ms). Repeat with --seed ${report.seed}.`);
  return `${out.join("\n")}\n`;
}

function describeFailure(result: CheckResult): string[] {
  const out = [`✗ ${result.id} — ${result.title}${result.clauses.length ? ` (${result.clauses.join(", ")})` : ""}`];
  for (const finding of result.findings.slice(0, 10)) {
    out.push(`    at ${finding.path}`, `      expected: ${finding.expected}`, `      actual:   ${finding.actual}`);
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

export function formatJunit(report: ConformanceReport): string {
  const suites = new Map<string, CheckResult[]>();
  for (const result of report.results) suites.set(result.kind, [...(suites.get(result.kind) ?? []), result]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.summary;
  out.push(`<testsuites name="cio-customers conformance" tests="${total.total}" failures="${total.failed}" skipped="${total.skipped}" time="${seconds(report.durationMs)}">`);
  for (const [kind, results] of suites) {
    const failures = results.filter((r) => r.status === "failed").length;
    const skipped = results.filter((r) => r.status === "skipped").length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    out.push(`  <testsuite name="${xml(kind)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${seconds(time)}" timestamp="${xml(report.startedAt)}">`);
    out.push(`    <properties><property name="target" value="${xml(report.target)}"/><property name="seed" value="${report.seed}"/></properties>`);
    for (const result of results) {
      const name = `${result.id}${result.clauses.length ? ` [${result.clauses.join(",")}]` : ""}`;
      out.push(`    <testcase classname="conformance.${xml(kind)}" name="${xml(name)}" time="${seconds(result.durationMs)}">`);
      if (result.status === "failed") {
        const first = result.findings[0];
        const message = first ? `${first.path}: expected ${first.expected}, got ${first.actual}` : "failed";
        out.push(`      <failure message="${xml(message.slice(0, 500))}" type="${xml(result.id)}">${xml(describeFailure(result).join("\n"))}</failure>`);
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
