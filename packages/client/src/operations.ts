import { operationTable, type OperationId } from "@atlas-export/types";
import { validateResponse, type OperationWithResult } from "@atlas-export/types/validate-response";
import type { Operation } from "./call-operation.js";

// The operations the named methods call: one entry per operationId of the fragment, made from the
// generated operation table (method, path template, versioned media types). A named method is
// `callOperation(api, validateResponses, operations.<operationId>, { path, query, body }, options)`.

/** The table entry of `operationId` with what messages call its answer. */
function operation(operationId: OperationId, what: string): Operation {
  const descriptor = operationTable[operationId];
  return {
    ...descriptor,
    name: operationId,
    what,
    ...(descriptor.successStatus === 204
      ? {}
      : {
          schema: {
            name: `${operationId} ${descriptor.successStatus} response`,
            validate: (body: unknown) => validateResponse(operationId as OperationWithResult, body),
          },
        }),
  };
}

export const operations = {
  listExportBuckets: operation("listExportBuckets", "page of export buckets"),
  createExportBucket: operation("createExportBucket", "export bucket"),
  getExportBucket: operation("getExportBucket", "export bucket"),
  deleteExportBucket: operation("deleteExportBucket", "answer"),
  listBackupExportJobs: operation("listBackupExportJobs", "page of export jobs"),
  createBackupExportJob: operation("createBackupExportJob", "job"),
  getBackupExportJob: operation("getBackupExportJob", "job"),
  listReplicaSetBackups: operation("listReplicaSetBackups", "page of snapshots"),
  getReplicaSetBackup: operation("getReplicaSetBackup", "snapshot"),
} satisfies { [Id in OperationId]: Operation };
