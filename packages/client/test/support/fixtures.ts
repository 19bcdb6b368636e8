import type { BackupExportJob } from "@atlas-export/types";

export const ids = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "6650a1b2c3d4e5f6a7b8c9d0",
} as const;

export const jobPath = `/api/atlas/v2/groups/${ids.groupId}/clusters/${ids.clusterName}/backup/exports/${ids.exportId}`;

export const MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

export function job(overrides: Partial<BackupExportJob> = {}): BackupExportJob {
  return {
    id: ids.exportId,
    exportBucketId: "32b6e34b3d91647abb20e7b8",
    snapshotId: "32b6e34b3d91647abb20e7b8",
    createdAt: "2025-05-04T09:42:00Z",
    state: "InProgress",
    exportStatus: { exportedCollections: 1, totalCollections: 4 },
    ...overrides,
  };
}

/** A JSON Response as Atlas would send it. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 300 ? MEDIA_TYPE : "application/json", ...headers },
  });
}
