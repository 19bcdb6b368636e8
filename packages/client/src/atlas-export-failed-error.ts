import type { BackupExportJob, StateReason } from "@atlas-export/types";
import { AtlasError } from "./atlas-error.js";
import { shortText } from "./short-text.js";

/** `waitForBackupExportJob` saw the job end in `Failed` or `Cancelled`. */
export class AtlasExportFailedError extends AtlasError {
  override name = "AtlasExportFailedError";
  readonly job: BackupExportJob;
  readonly state: "Failed" | "Cancelled";
  readonly stateReason: StateReason | undefined;

  constructor(job: BackupExportJob & { state: "Failed" | "Cancelled" }) {
    const why = job.stateReason?.message ?? job.stateReason?.errorCode;
    super(
      `export job ${shortText(job.id ?? "(no id)", 64)} ended ${job.state}${why ? `: ${shortText(why)}` : ""}`,
    );
    this.job = job;
    this.state = job.state;
    this.stateReason = job.stateReason;
  }
}
