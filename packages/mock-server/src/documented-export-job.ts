import type { BackupExportJob } from "@atlas-export/types";
import type { MockJobDefinition } from "./mock-job-definition.js";

/** Freezes a value and everything in it, so no test can change what later emulators serve. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The 200 example of the documentation page ("Return One Cloud Backup Snapshot Export Job"), verbatim (frozen). */
export const DOCUMENTED_EXPORT_JOB: BackupExportJob = deepFreeze({
  components: [{ exportId: "32b6e34b3d91647abb20e7b8", replicaSetName: "string" }],
  createdAt: "2025-05-04T09:42:00Z",
  customData: [{ key: "string", value: "string" }],
  deliveryUrl: ["string"],
  exportBucketId: "32b6e34b3d91647abb20e7b8",
  exportStatus: { exportedCollections: 42, totalCollections: 42 },
  finishedAt: "2025-05-04T09:42:00Z",
  id: "32b6e34b3d91647abb20e7b8",
  links: [{ href: "https://cloud.mongodb.com/api/atlas", rel: "self" }],
  prefix: "string",
  snapshotId: "32b6e34b3d91647abb20e7b8",
  state: "Cancelled",
});

/** The job the emulator holds by default: the documented example at its documented path. */
export const DOCUMENTED_EXPORT_JOB_DEFINITION: MockJobDefinition = Object.freeze({
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
  body: DOCUMENTED_EXPORT_JOB,
});
