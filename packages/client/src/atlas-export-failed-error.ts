import type { BackupExportJob, StateReason } from "@atlas-export/types";
import { AtlasError } from "./atlas-error.js";

/** `waitForBackupExportJob` saw the job end in `Failed` or `Cancelled`. */
export class AtlasExportFailedError extends AtlasError {
  override name = "AtlasExportFailedError";
  readonly job: BackupExportJob;
  readonly state: "Failed" | "Cancelled";
  readonly stateReason: StateReason | undefined;

  constructor(job: BackupExportJob & { state: "Failed" | "Cancelled" }) {
    const why = job.stateReason?.message ?? job.stateReason?.errorCode;
    super(`export job ${job.id ?? "(no id)"} ended ${job.state}${why ? `: ${why}` : ""}`);
    this.job = job;
    this.state = job.state;
    this.stateReason = job.stateReason;
  }
}
