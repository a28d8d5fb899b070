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

// Each guard's type is written out, so the public API names the error it narrows to, not an internal helper type.

/** Whether `error` is a {@link ConformanceSetupError} (`setup_failed`), of this copy of the package or another. */
export const isConformanceSetupError: (error: unknown) => error is ConformanceSetupError = errorGuard(
  ConformanceSetupError,
  "ConformanceSetupError",
  "setup_failed",
);
/** Whether `error` is a {@link ReportWriteError} (`report_not_written`), of this copy of the package or another. */
export const isReportWriteError: (error: unknown) => error is ReportWriteError = errorGuard(
  ReportWriteError,
  "ReportWriteError",
  "report_not_written",
);
/** Whether `error` is a {@link TrafficSourceError} (`traffic_unreadable`), of this copy of the package or another. */
export const isTrafficSourceError: (error: unknown) => error is TrafficSourceError = errorGuard(
  TrafficSourceError,
  "TrafficSourceError",
  "traffic_unreadable",
);

/** Any error class of the suite above. */
export const isConformanceError: (
  error: unknown,
) => error is ConformanceSetupError | ReportWriteError | TrafficSourceError = anyOf<
  ConformanceSetupError | ReportWriteError | TrafficSourceError
>(isConformanceSetupError, isReportWriteError, isTrafficSourceError);
