/**
 * Interim copy of the spec's operations until @atlas-export/types generates `operationTable`; the route
 * table reads only this shape (method, path template, media types), so the switch is one import.
 */
export const operationTable = {
  getBackupExportJob: {
    method: "GET",
    path: "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
    pathParameters: ["groupId", "clusterName", "exportId"],
    requestMediaType: null,
    responseMediaType: "application/vnd.atlas.2023-01-01+json",
    successStatus: 200,
    paginated: false,
  },
} as const;

/** The operationIds the emulator serves. */
export type OperationId = keyof typeof operationTable;
