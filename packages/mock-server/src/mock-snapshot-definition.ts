import type { BackupSnapshot } from "@atlas-export/types";

/** Where a snapshot lives: the path parameters of getReplicaSetBackup. */
export interface SnapshotRef {
  groupId: string;
  clusterName: string;
  snapshotId: string;
}

/**
 * A snapshot of a cluster the emulator serves. Every field but `groupId` and `clusterName` is optional;
 * the rest is filled in as a completed daily scheduled snapshot of a replica set that expires 7 days
 * after it was taken.
 */
export interface MockSnapshotDefinition extends Omit<
  BackupSnapshot,
  "id" | "createdAt" | "expiresAt" | "links"
> {
  groupId: string;
  clusterName: string;
  /** 24 hex digits (default: derived from the cluster and the time). */
  id?: string;
  /** When it was taken (ms since epoch, Date or ISO string; default: the clock's now when added). */
  createdAt?: number | Date | string;
  /** When Atlas deletes it (default: 7 days after `createdAt`). */
  expiresAt?: number | Date | string;
}
