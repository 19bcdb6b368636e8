import {
  createExportBucket,
  deleteExportBucket,
  getExportBucket,
  listExportBuckets,
} from "./bucket-handlers.js";
import { createBackupExportJob, getBackupExportJob, listBackupExportJobs } from "./job-handlers.js";
import type { OperationHandler } from "./operation-handler.js";
import type { OperationId } from "@atlas-export/types";
import { getReplicaSetBackup, listReplicaSetBackups } from "./snapshot-handlers.js";

/** One handler per operationId of the operation table: a new operation without a handler does not compile. */
export const operationHandlers: Readonly<Record<OperationId, OperationHandler>> = {
  listExportBuckets,
  createExportBucket,
  getExportBucket,
  deleteExportBucket,
  listBackupExportJobs,
  createBackupExportJob,
  getBackupExportJob,
  listReplicaSetBackups,
  getReplicaSetBackup,
};
