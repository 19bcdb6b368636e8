import type { components, operations } from "./generated/atlas-export.js";

/** One Cloud Backup snapshot export job, as `getBackupExportJob` returns it (HTTP 200). */
export type BackupExportJob = components["schemas"]["DiskBackupExportJob"];

/** The five states of an export job: a literal union, never `string`. */
export type BackupExportJobState = NonNullable<BackupExportJob["state"]>;

/** Exported and total collection counts of a job (`exportStatus`). */
export type ExportStatus = components["schemas"]["ExportStatus"];

/** Why a job failed (`stateReason`), set when the state is `Failed`. */
export type StateReason = components["schemas"]["StateReason"];

/** One shard's export in a sharded cluster (`components[]`). */
export type BackupExportMember = components["schemas"]["DiskBackupExportMember"];

/** The error body Atlas sends as `application/json` for every non-2xx status. */
export type ApiError = components["schemas"]["ApiError"];

/** The path parameters of `getBackupExportJob`. */
export type GetBackupExportJobParams = operations["getBackupExportJob"]["parameters"]["path"];

/** The query parameters of `getBackupExportJob` (`envelope`, `pretty`). */
export type GetBackupExportJobQuery = NonNullable<operations["getBackupExportJob"]["parameters"]["query"]>;
