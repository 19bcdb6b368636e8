import type { BackupExportJob, StateReason } from "@atlas-export/types";

/** Where a job lives: the three path parameters of getBackupExportJob. */
export interface JobRef {
  groupId: string;
  clusterName: string;
  exportId: string;
}

/** How a job ends when its lifecycle runs out. */
export type MockJobOutcome = "Successful" | "Failed" | "Cancelled";

/** How a job runs on the emulator's clock (see MockJobDefinition). */
export interface MockJobLifecycle {
  /** Collections to export (default 12). */
  totalCollections?: number;
  /** Time spent Queued (default 2000 ms). */
  queuedMs?: number;
  /** Time spent InProgress (default 8000 ms). */
  durationMs?: number;
  /** Terminal state (default "Successful"). */
  outcome?: MockJobOutcome;
}

/**
 * A job the emulator serves. Its lifecycle runs on the emulator's clock from `createdAt`:
 * `Queued` for `queuedMs`, then `InProgress` for `durationMs` with `exportedCollections` rising
 * linearly, then `outcome`. A Successful job ends with every collection exported; a Failed or
 * Cancelled one stops at half of them (rounded down), rising towards that while in progress.
 * Give `body` instead to serve a fixed document as is (the lifecycle fields are then ignored).
 */
export interface MockJobDefinition extends JobRef, MockJobLifecycle {
  /** Reason served once Failed (default { errorCode: "EXPORT_FAILED", message: … }); also served for Cancelled when given. */
  stateReason?: StateReason;
  /** A sharded cluster: the number of shards, or their replica set names; served as `components`. */
  shards?: number | readonly string[];
  /** Creation time (ms since epoch, Date or ISO string; default: the clock's now when the job is added). */
  createdAt?: number | Date | string;
  exportBucketId?: string;
  snapshotId?: string;
  prefix?: string;
  customData?: BackupExportJob["customData"];
  /** A fixed response body, served unchanged whatever the clock says. */
  body?: BackupExportJob;
}
