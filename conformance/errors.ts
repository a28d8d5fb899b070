/**
 * Guards for the suite's error classes, matching by class or by name and code (src/error-guard.ts).
 *
 * | class | code | thrown when |
 * | --- | --- | --- |
 * | ConformanceSetupError | `setup_failed` | the target refused the credentials or cannot be reached, or the traffic cannot be read: nothing can be judged |
 * | ReportWriteError | `report_not_written` | a report file could not be written |
 * | TrafficSourceError | `traffic_unreadable` | recorded traffic could not be read (loadTraffic) |
 */
import { anyOf, errorGuard } from "../src/error-guard.js";
import { ReportWriteError } from "./report-file.js";
import { ConformanceSetupError } from "./run.js";
import { TrafficSourceError } from "./traffic-source.js";

export const isConformanceSetupError = errorGuard(ConformanceSetupError, "ConformanceSetupError", "setup_failed");
export const isReportWriteError = errorGuard(ReportWriteError, "ReportWriteError", "report_not_written");
export const isTrafficSourceError = errorGuard(TrafficSourceError, "TrafficSourceError", "traffic_unreadable");

/** Any error class of the suite above. */
export const isConformanceError = anyOf<ConformanceSetupError | ReportWriteError | TrafficSourceError>(
  isConformanceSetupError,
  isReportWriteError,
  isTrafficSourceError,
);
