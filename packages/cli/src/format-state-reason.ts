import type { BackupExportJob } from "@atlas-export/types";

/** "EXPORT_FAILED: the bucket denied access", or undefined when Atlas gave no reason. */
export function formatStateReason(job: BackupExportJob): string | undefined {
  const code = job.stateReason?.errorCode;
  const message = job.stateReason?.message;
  if (code && message) return `${code}: ${message}`;
  return code || message || undefined;
}
