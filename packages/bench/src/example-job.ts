import type { BackupExportJob } from "@atlas-export/types";

/** The identifiers every benchmark asks for (the documentation page's example job). */
export const exampleJobParams = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
} as const;

/** The path of the example job under the API (no base URL). */
export const exampleJobPath = `/api/atlas/v2/groups/${exampleJobParams.groupId}/clusters/${exampleJobParams.clusterName}/backup/exports/${exampleJobParams.exportId}`;

/**
 * The versioned media type every request asks for: the client's `ATLAS_MEDIA_TYPE` (a bench test checks
 * they are equal), kept here so the contenders that do not use the client need not load it.
 */
export const exampleMediaType = "application/vnd.atlas.2023-01-01+json";

/** A finished job shaped like a real Atlas answer; typed so it cannot drift from the fragment. */
export const exampleJob = {
  id: exampleJobParams.exportId,
  snapshotId: "32b6e34b3d91647abb20e7b9",
  exportBucketId: "32b6e34b3d91647abb20e7ba",
  createdAt: "2025-05-04T09:30:00Z",
  finishedAt: "2025-05-04T09:42:00Z",
  prefix: "/exported_snapshots/org/project/Cluster0/2025-05-04T0930/1746351000",
  state: "Successful",
  exportStatus: { exportedCollections: 42, totalCollections: 42 },
  customData: [{ key: "team", value: "platform" }],
  links: [
    {
      href: "https://cloud.mongodb.com/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/clusters/Cluster0/backup/exports/32b6e34b3d91647abb20e7b8",
      rel: "self",
    },
  ],
} satisfies BackupExportJob;
