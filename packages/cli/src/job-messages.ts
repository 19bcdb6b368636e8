import type { BackupExportJob } from "@atlas-export/types";
import { formatServerValue } from "./format-server-value.js";
import { formatStateReason } from "./format-state-reason.js";
import { readJobState } from "./read-job-state.js";

/** "export job 32b6… ended Failed: EXPORT_FAILED: …", terminal-safe. */
export function jobEndedMessage(job: BackupExportJob, exportId: string): string {
  const reason = formatStateReason(job);
  return `export job ${formatServerValue(job.id) ?? exportId} ended ${readJobState(job).label}${reason ? `: ${reason}` : " (Atlas gave no reason)"}`;
}

/** Two lines for a job whose state the spec does not define (a newer Atlas, or a broken proxy). */
export function unknownStateMessage(job: BackupExportJob, exportId: string): string {
  return (
    `export job ${formatServerValue(job.id) ?? exportId} is in a state this version does not know: ${readJobState(job).label}.\n` +
    "Atlas may have added a state; check the job in the Atlas UI, or update atlas-export."
  );
}
