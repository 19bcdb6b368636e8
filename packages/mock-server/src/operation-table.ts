/**
 * Interim copy of the spec's operations until @atlas-export/types generates `operationTable`; the route
 * table reads only this shape (method, path template, media types), so the switch is one import.
 */
const GROUP = "/api/atlas/v2/groups/{groupId}";
const V2023 = "application/vnd.atlas.2023-01-01+json";
const V2024 = "application/vnd.atlas.2024-05-30+json";

export const operationTable = {
  listExportBuckets: {
    method: "GET",
    path: `${GROUP}/backup/exportBuckets`,
    requestMediaType: null,
    responseMediaType: V2024,
    successStatus: 200,
    paginated: true,
  },
  createExportBucket: {
    method: "POST",
    path: `${GROUP}/backup/exportBuckets`,
    requestMediaType: V2024,
    responseMediaType: V2024,
    successStatus: 200,
    paginated: false,
  },
  getExportBucket: {
    method: "GET",
    path: `${GROUP}/backup/exportBuckets/{exportBucketId}`,
    requestMediaType: null,
    responseMediaType: V2024,
    successStatus: 200,
    paginated: false,
  },
  deleteExportBucket: {
    method: "DELETE",
    path: `${GROUP}/backup/exportBuckets/{exportBucketId}`,
    requestMediaType: null,
    responseMediaType: V2024,
    successStatus: 204,
    paginated: false,
  },
  listBackupExportJobs: {
    method: "GET",
    path: `${GROUP}/clusters/{clusterName}/backup/exports`,
    requestMediaType: null,
    responseMediaType: V2023,
    successStatus: 200,
    paginated: true,
  },
  createBackupExportJob: {
    method: "POST",
    path: `${GROUP}/clusters/{clusterName}/backup/exports`,
    requestMediaType: V2023,
    responseMediaType: V2023,
    successStatus: 200,
    paginated: false,
  },
  getBackupExportJob: {
    method: "GET",
    path: `${GROUP}/clusters/{clusterName}/backup/exports/{exportId}`,
    requestMediaType: null,
    responseMediaType: V2023,
    successStatus: 200,
    paginated: false,
  },
  listReplicaSetBackups: {
    method: "GET",
    path: `${GROUP}/clusters/{clusterName}/backup/snapshots`,
    requestMediaType: null,
    responseMediaType: V2023,
    successStatus: 200,
    paginated: true,
  },
  getReplicaSetBackup: {
    method: "GET",
    path: `${GROUP}/clusters/{clusterName}/backup/snapshots/{snapshotId}`,
    requestMediaType: null,
    responseMediaType: V2023,
    successStatus: 200,
    paginated: false,
  },
} as const;

/** The operationIds the emulator serves. */
export type OperationId = keyof typeof operationTable;
