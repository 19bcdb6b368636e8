import type { BackupExportJob } from "@atlas-export/types";
import { readJobState } from "./read-job-state.js";

/**
 * Atlas (or whatever answered for it) sent a job whose state the spec does not define. `watch` stops
 * rather than poll a state it cannot tell finished from running; nothing treats it as success.
 */
export class UnknownJobStateError extends Error {
  override readonly name = "UnknownJobStateError";
  readonly job: BackupExportJob;

  constructor(job: BackupExportJob) {
    super(`the export job is in a state atlas-export does not know: ${readJobState(job).label}`);
    this.job = job;
  }
}
