import { AtlasApiError } from "./atlas-api-error.js";

/**
 * `createBackupExportJob`'s error handler: Atlas answers 409 while an export of the same snapshot to the same
 * bucket is queued or running. That becomes an `AtlasApiError` (same status, code, detail and headers)
 * whose message says so in the caller's terms and what to do; every other error passes unchanged.
 */
export function exportAlreadyRunning(
  error: unknown,
  body: { snapshotId?: unknown; exportBucketId?: unknown },
): never {
  if (!(error instanceof AtlasApiError) || error.status !== 409) throw error;
  const snapshot = typeof body?.snapshotId === "string" ? ` ${JSON.stringify(body.snapshotId)}` : "";
  const bucket =
    typeof body?.exportBucketId === "string" ? ` to bucket ${JSON.stringify(body.exportBucketId)}` : "";
  throw new AtlasApiError({
    status: error.status,
    errorCode: error.errorCode,
    detail: error.detail,
    reason: error.reason,
    parameters: error.parameters,
    headers: error.headers,
    snippet: error.snippet,
    message: `409 ${error.errorCode ?? "CONFLICT"}: an export of snapshot${snapshot}${bucket} is already running; wait for that job (listBackupExportJobs, waitForBackupExportJob) instead of starting another`,
  });
}
