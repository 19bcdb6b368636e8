import { validateBackupExportJob } from "@atlas-export/types/validate-backup-export-job";
import type { Operation } from "./call-operation.js";

// The operations the named methods call: one entry per operationId of the fragment. A named method is
// `callOperation(api, validateResponses, <entry>, { path, query, body }, options)`.

/** GET one Cloud Backup snapshot export job (`getBackupExportJob`). */
export const getBackupExportJobOperation = {
  name: "getBackupExportJob",
  method: "GET",
  path: "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
  what: "job",
  schema: { name: "DiskBackupExportJob", validate: validateBackupExportJob },
} as const satisfies Operation;
