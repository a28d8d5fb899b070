/**
 * cio-customers/conformance: contract checks of PUT /api/v1/customers/{identifier} for clients and servers.
 *
 *     const report = await runConformance();                       // the embedded simulator and this client
 *     const report = await runConformance({ target: "http://127.0.0.1:4010", siteId, apiKey });
 *     console.log(formatReport(report, "junit"));
 */
export {
  runConformance,
  defaultClient,
  isLoopback,
  ConformanceSetupError,
  LINT_SKIP_REASON,
  type ConformanceOptions,
} from "./run.js";
export { writeReportFile, ReportWriteError } from "./report-file.js";
export { trafficChecks, type TrafficRequest } from "./checks/traffic.js";
export { loadTraffic, TrafficSourceError } from "./traffic-source.js";
export { isConformanceError, isConformanceSetupError, isReportWriteError, isTrafficSourceError } from "./errors.js";
export { formatReport, formatHuman, formatJunit, type ReporterName } from "./reporters.js";
export { clientChecks, type ClientFactory, type ClientFactoryOptions, type ClientUnderTest } from "./checks/client.js";
export { simulatorObserver, httpObserver } from "./observers.js";
export type { CheckContext, CheckDefinition } from "./check.js";
export { traceability, traceabilityMarkdown, type TraceRow } from "./traceability.js";
export type {
  CheckKind,
  CheckResult,
  CheckSource,
  CheckStatus,
  ClauseId,
  ConformanceReport,
  Exchange,
  Finding,
  ObservedActivity,
  ObservedPerson,
  Observer,
  PersonRef,
  SkipGroup,
  Target,
} from "./types.js";
export type { Problem } from "../src/problem.js";
