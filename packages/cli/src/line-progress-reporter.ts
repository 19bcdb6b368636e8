import type { BackupExportJob } from "@atlas-export/types";
import { formatElapsed } from "./format-elapsed.js";
import { formatProgress } from "./format-progress.js";
import { readJobState } from "./read-job-state.js";
import type { ProgressReporter, ReporterOptions } from "./progress-reporter.js";

/**
 * For logs and pipes, where a redrawn bar would be noise: one line each time the state or the
 * collection counts change, e.g. `[0:04] InProgress  3/12 collections (25%)`.
 */
export function createLineProgressReporter({ stream, now = Date.now }: ReporterOptions): ProgressReporter {
  const startedAt = now();
  let last: string | undefined;
  return {
    update(job: BackupExportJob) {
      const line = `${readJobState(job).label}  ${formatProgress(job)}`;
      if (line === last) return;
      last = line;
      stream.write(`[${formatElapsed(now() - startedAt)}] ${line}\n`);
    },
    stop() {},
  };
}
