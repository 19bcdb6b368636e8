import type { FaultRule } from "./fault-rule.js";
import type { BucketStore } from "./bucket-store.js";
import type { ClusterStore } from "./cluster-store.js";
import type { JobStore } from "./job-store.js";
import type { SnapshotStore } from "./snapshot-store.js";
import type { MockAtlasStats } from "./mock-atlas-stats.js";

/** A running emulator, as `startMockAtlas` resolves it. */
export interface MockAtlas {
  /** Base URL, e.g. "http://127.0.0.1:49321" (no trailing slash); use it as the client's baseUrl. */
  readonly url: string;
  /** Live counters of what the emulator saw and did. */
  readonly stats: MockAtlasStats;
  /** The clusters that exist, per project; add or remove them at run time (others answer 404 CLUSTER_NOT_FOUND). */
  readonly clusters: ClusterStore;
  /** The jobs it serves; add, inspect, cancel or fail them at run time. */
  readonly jobs: JobStore;
  /** The export buckets it holds, per project; add, inspect or remove them at run time. */
  readonly buckets: BucketStore;
  /** The snapshots it holds, per project and cluster; add, inspect or remove them at run time. */
  readonly snapshots: SnapshotStore;
  /** The fault rules in force; add or clear rules at run time. */
  readonly faults: FaultController;
  /** Sets every counter in `stats` back to zero. */
  resetStats(): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Run-time control of fault rules. */
export interface FaultController {
  /** Appends a rule (checked after those already in force). */
  add(rule: FaultRule): void;
  /** Removes every rule. */
  clear(): void;
  /** The rules still in force (a rule with `times` leaves once used up). */
  list(): readonly FaultRule[];
}
