import type { MockSnapshotDefinition } from "./mock-snapshot-definition.js";

const HOUR_MS = 60 * 60 * 1000;
const DOCUMENTED_SNAPSHOT_IDS = [
  "32b6e34b3d91647abb20e7b8",
  "32b6e34b3d91647abb20e7b9",
  "32b6e34b3d91647abb20e7ba",
] as const;

/** Three daily snapshots of a cluster, taken 1, 25 and 49 hours before `now` (ids derived from cluster and time). */
export function dailySnapshots(groupId: string, clusterName: string, now: number): MockSnapshotDefinition[] {
  return [1, 25, 49].map((hours) => ({ groupId, clusterName, createdAt: now - hours * HOUR_MS }));
}

/**
 * The snapshots the emulator holds by default: three daily snapshots of the documented cluster
 * (`Cluster0` in project 32b6e34b3d91647abb20e7b8); the newest is the documented `snapshotId`, so the
 * documented job's snapshot exists.
 */
export function defaultSnapshots(now: number): MockSnapshotDefinition[] {
  return dailySnapshots("32b6e34b3d91647abb20e7b8", "Cluster0", now).map((definition, index) => ({
    ...definition,
    id: DOCUMENTED_SNAPSHOT_IDS[index] ?? "",
  }));
}
