import type { Clock } from "./clock.js";
import { derivedId } from "./derived-id.js";
import type { BackupSnapshot } from "@atlas-export/types";
import { isoSeconds, timeOf } from "./iso-seconds.js";
import type { MockSnapshotDefinition, SnapshotRef } from "./mock-snapshot-definition.js";
import { pathParamViolations } from "./path-param-violations.js";
import type { ProjectStores } from "./project-stores.js";
import { describeValue } from "./describe-value.js";

/** A snapshot as its project stores it: the body without links, and when it was taken (for ordering). */
export interface StoredSnapshot {
  createdAtMs: number;
  snapshot: BackupSnapshot & { id: string };
}

/** The snapshots a running emulator holds, per project and cluster, newest first. */
export interface SnapshotStore {
  /** Adds a snapshot (throws naming the field if it is invalid or its id exists in the cluster); returns it as served. */
  add(definition: MockSnapshotDefinition): BackupSnapshot;
  /** The snapshot as `getReplicaSetBackup` serves it, or undefined. */
  get(ref: SnapshotRef): BackupSnapshot | undefined;
  /** A cluster's snapshots, newest first (empty for a cluster it knows nothing of); every cluster's without arguments. */
  list(groupId?: string, clusterName?: string): BackupSnapshot[];
  /** Removes a snapshot; false when there was none. */
  remove(ref: SnapshotRef): boolean;
  /** Removes every snapshot of every project. */
  clear(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const STATUSES = ["queued", "inProgress", "completed", "failed"] as const;

export function createSnapshotStore(options: {
  clock: Clock;
  baseUrl: () => string;
  projects: ProjectStores;
  initial: readonly MockSnapshotDefinition[];
}): SnapshotStore {
  const { projects } = options;
  const render = (groupId: string, clusterName: string, stored: StoredSnapshot): BackupSnapshot => ({
    ...structuredClone(stored.snapshot),
    links: [
      {
        href: `${options.baseUrl()}/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/snapshots/${stored.snapshot.id}`,
        rel: "self",
      },
    ],
  });
  const clusterOf = (groupId: string, clusterName: string): StoredSnapshot[] | undefined =>
    projects.find(groupId)?.snapshots.get(clusterName);

  const store: SnapshotStore = {
    add(definition) {
      const stored = toStored(definition, options.clock);
      const project = projects.project(definition.groupId);
      // A snapshot names its cluster, so the cluster exists (ClusterStore).
      project.clusters.add(definition.clusterName);
      const list = project.snapshots.get(definition.clusterName) ?? [];
      if (list.some((other) => other.snapshot.id === stored.snapshot.id)) {
        throw new Error(
          `@atlas-export/mock-server: snapshot ${stored.snapshot.id} already exists in ${definition.groupId}/${definition.clusterName}; remove it first`,
        );
      }
      // Newest first, as Atlas lists them; equal times keep the order they were added in.
      const at = list.findIndex((other) => other.createdAtMs < stored.createdAtMs);
      list.splice(at === -1 ? list.length : at, 0, stored);
      project.snapshots.set(definition.clusterName, list);
      return render(definition.groupId, definition.clusterName, stored);
    },
    get({ groupId, clusterName, snapshotId }) {
      const stored = clusterOf(groupId, clusterName)?.find((entry) => entry.snapshot.id === snapshotId);
      return stored === undefined ? undefined : render(groupId, clusterName, stored);
    },
    list: (groupId, clusterName) =>
      [...projects.all()]
        .filter((project) => groupId === undefined || project.groupId === groupId)
        .flatMap((project) =>
          [...project.snapshots.entries()]
            .filter(([cluster]) => clusterName === undefined || cluster === clusterName)
            .flatMap(([cluster, list]) => list.map((stored) => render(project.groupId, cluster, stored))),
        ),
    remove({ groupId, clusterName, snapshotId }) {
      const list = clusterOf(groupId, clusterName);
      const index = list?.findIndex((entry) => entry.snapshot.id === snapshotId) ?? -1;
      if (list === undefined || index === -1) return false;
      list.splice(index, 1);
      return true;
    },
    clear() {
      for (const project of projects.all()) project.snapshots.clear();
    },
  };
  options.initial.forEach((definition) => store.add(definition));
  return store;
}

function toStored(definition: MockSnapshotDefinition, clock: Clock): StoredSnapshot {
  const where = "@atlas-export/mock-server: snapshot";
  if (typeof definition !== "object" || definition === null) {
    throw new TypeError(`${where} definition must be an object with groupId and clusterName`);
  }
  const { groupId, clusterName, id, createdAt, expiresAt, ...fields } = definition;
  const params: Record<string, string> = { groupId, clusterName };
  if (id !== undefined) params["snapshotId"] = id;
  for (const [field, value] of Object.entries(params)) {
    if (typeof value !== "string")
      throw new TypeError(`${where} needs "${field}" as a string, got ${describeValue(value)}`);
  }
  const [violation] = pathParamViolations(params);
  if (violation !== undefined) {
    const field = violation.field === "snapshotId" ? "id" : violation.field;
    throw new RangeError(
      `${where} "${field}" ${violation.description}, got ${JSON.stringify(params[violation.field])}`,
    );
  }
  const createdAtMs = createdAt === undefined ? clock.now() : timeOf(createdAt);
  const expiresAtMs = expiresAt === undefined ? createdAtMs + 7 * DAY_MS : timeOf(expiresAt);
  if (!Number.isFinite(createdAtMs) || !Number.isFinite(expiresAtMs)) {
    throw new RangeError(`${where} ${groupId}/${clusterName}: "createdAt" and "expiresAt" must be times`);
  }
  if (fields.status !== undefined && !STATUSES.includes(fields.status)) {
    throw new RangeError(
      `${where} ${groupId}/${clusterName}: "status" must be one of ${STATUSES.join(", ")}, got ${JSON.stringify(fields.status)}`,
    );
  }
  const snapshotId = id ?? derivedId(`${groupId}/${clusterName}`, `snapshot:${createdAtMs}`);
  const snapshotType = fields.snapshotType ?? "scheduled";
  return {
    createdAtMs,
    snapshot: {
      cloudProvider: "AWS",
      copyRegions: [],
      createdAt: isoSeconds(createdAtMs),
      ...(snapshotType === "onDemand" ? { description: "On-demand snapshot" } : {}),
      expiresAt: isoSeconds(expiresAtMs),
      frequencyType: "daily",
      id: snapshotId,
      mongodVersion: "8.0.4",
      policyItems: [derivedId(`${groupId}/${clusterName}`, "policy:daily")],
      replicaSetName: `atlas-${derivedId(`${groupId}/${clusterName}`, "rs").slice(0, 6)}-shard-0`,
      snapshotType,
      status: "completed",
      storageSizeBytes: 1_048_576_000,
      type: "replicaSet",
      // A copy, so changing the caller's object later does not change the snapshot being served.
      ...structuredClone(fields),
    },
  };
}
