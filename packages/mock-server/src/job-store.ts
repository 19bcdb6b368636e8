import type { BackupExportJob, BackupExportMember, StateReason } from "@atlas-export/types";
import type { Clock } from "./clock.js";
import type { JobRef, MockJobDefinition, MockJobLifecycle, MockJobOutcome } from "./mock-job-definition.js";
import { pathParamViolations } from "./path-param-violations.js";
import type { ProjectStores } from "./project-stores.js";
import { derivedId } from "./derived-id.js";
import { isoSeconds } from "./iso-seconds.js";
import { describeValue } from "./describe-value.js";

/** The jobs a running emulator serves; every read renders the job as of the emulator's clock. */
export interface JobStore {
  /** Adds a job (throws if its path parameters are invalid or it already exists); returns it as served now. */
  add(definition: MockJobDefinition): BackupExportJob;
  /** The job as the API would serve it now, or undefined. */
  get(ref: JobRef): BackupExportJob | undefined;
  /** Every job's path parameters with the job as served now, in creation order (optionally of one project or cluster). */
  list(filter?: { groupId?: string; clusterName?: string }): Array<{ ref: JobRef; job: BackupExportJob }>;
  /** Removes a job; false when there was none. */
  remove(ref: JobRef): boolean;
  /** Cancels a running job now (its count freezes); throws if it is unknown or already finished. */
  cancel(ref: JobRef, stateReason?: StateReason): BackupExportJob;
  /** Fails a running job now with `stateReason`; throws if it is unknown or already finished. */
  fail(ref: JobRef, stateReason?: StateReason): BackupExportJob;
  /** Removes every job. */
  clear(): void;
}

/** How a job runs when its definition does not say (also for jobs created through the API). */
export const JOB_DEFAULTS = {
  totalCollections: 12,
  queuedMs: 2_000,
  durationMs: 8_000,
  outcome: "Successful",
} as const satisfies Required<MockJobLifecycle>;

const DEFAULT_FAILURE: StateReason = {
  errorCode: "EXPORT_FAILED",
  message: "The export job failed before every collection was exported.",
};

/** A job as its project stores it: the definition and the moments that decide its state. */
export interface StoredJob {
  definition: MockJobDefinition;
  createdAtMs: number;
  /** Set by cancel()/fail(): the job stops at that moment instead of running its lifecycle out. */
  stopped?: { atMs: number; state: "Failed" | "Cancelled"; stateReason?: StateReason };
}

const keyOf = (ref: JobRef): string => `${ref.groupId}/${ref.clusterName}/${ref.exportId}`;

/** A job's key inside its project's store. */
export const jobKey = (clusterName: string, exportId: string): string => `${clusterName}/${exportId}`;

/** The job at `ref`, looked up in its project's store. */
function findJob(projects: ProjectStores, ref: JobRef): StoredJob | undefined {
  return projects.find(ref.groupId)?.jobs.get(jobKey(ref.clusterName, ref.exportId));
}

/** The run-time job API over every project's jobs (what `MockAtlas.jobs` is). */
export function createJobStore(options: {
  clock: Clock;
  baseUrl: () => string;
  projects: ProjectStores;
  initial: readonly MockJobDefinition[];
}): JobStore {
  const { projects } = options;
  const render = (stored: StoredJob): BackupExportJob =>
    renderJob(stored, options.clock.now(), options.baseUrl());

  const running = (ref: JobRef, action: string): StoredJob => {
    const stored = findJob(projects, ref);
    if (stored === undefined) {
      throw new Error(`@atlas-export/mock-server: jobs.${action}: no job ${keyOf(ref)}; add it first`);
    }
    const state = render(stored).state;
    if (state === "Successful" || state === "Failed" || state === "Cancelled") {
      throw new Error(
        `@atlas-export/mock-server: jobs.${action}: job ${keyOf(ref)} already finished (${state})`,
      );
    }
    return stored;
  };

  const store: JobStore = {
    add(definition) {
      const stored = validateDefinition(definition, options.clock);
      if (findJob(projects, definition) !== undefined) {
        throw new Error(
          `@atlas-export/mock-server: jobs.add: job ${keyOf(definition)} already exists; remove it first`,
        );
      }
      const project = projects.project(definition.groupId);
      // A job names its cluster, so the cluster exists (ClusterStore).
      project.clusters.add(definition.clusterName);
      project.jobs.set(jobKey(definition.clusterName, definition.exportId), stored);
      return render(stored);
    },
    get(ref) {
      const stored = findJob(projects, ref);
      return stored === undefined ? undefined : render(stored);
    },
    list: (filter = {}) =>
      (filter.groupId === undefined
        ? [...projects.all()]
        : [projects.find(filter.groupId)].filter((project) => project !== undefined)
      )
        .flatMap((project) => [...project.jobs.values()])
        .filter(
          (stored) =>
            filter.clusterName === undefined || stored.definition.clusterName === filter.clusterName,
        )
        .map((stored) => ({
          ref: {
            groupId: stored.definition.groupId,
            clusterName: stored.definition.clusterName,
            exportId: stored.definition.exportId,
          },
          job: render(stored),
        })),
    remove: (ref) => projects.find(ref.groupId)?.jobs.delete(jobKey(ref.clusterName, ref.exportId)) ?? false,
    cancel(ref, stateReason) {
      const stored = running(ref, "cancel");
      stored.stopped = {
        atMs: options.clock.now(),
        state: "Cancelled",
        ...(stateReason === undefined ? {} : { stateReason }),
      };
      return render(stored);
    },
    fail(ref, stateReason = DEFAULT_FAILURE) {
      const stored = running(ref, "fail");
      stored.stopped = { atMs: options.clock.now(), state: "Failed", stateReason };
      return render(stored);
    },
    clear: () => {
      for (const project of projects.all()) project.jobs.clear();
    },
  };
  options.initial.forEach((definition) => store.add(definition));
  return store;
}

function validateDefinition(definition: MockJobDefinition, clock: Clock): StoredJob {
  const where = "@atlas-export/mock-server: job";
  if (typeof definition !== "object" || definition === null) {
    throw new TypeError(`${where} definition must be an object with groupId, clusterName and exportId`);
  }
  for (const field of ["groupId", "clusterName", "exportId"] as const) {
    if (typeof definition[field] !== "string") {
      throw new TypeError(`${where} needs "${field}" as a string, got ${describeValue(definition[field])}`);
    }
  }
  const ref: Record<string, string> = {
    groupId: definition.groupId,
    clusterName: definition.clusterName,
    exportId: definition.exportId,
  };
  const [violation] = pathParamViolations(ref);
  if (violation !== undefined) {
    throw new RangeError(
      `${where} "${violation.field}" ${violation.description}, got ${JSON.stringify(ref[violation.field])}`,
    );
  }
  for (const field of ["totalCollections", "queuedMs", "durationMs"] as const) {
    const value = definition[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(
        `${where} ${keyOf(definition)}: "${field}" must be an integer >= 0, got ${describeValue(value)}`,
      );
    }
  }
  const outcomes: readonly MockJobOutcome[] = ["Successful", "Failed", "Cancelled"];
  if (definition.outcome !== undefined && !outcomes.includes(definition.outcome)) {
    throw new RangeError(
      `${where} ${keyOf(definition)}: "outcome" must be one of ${outcomes.join(", ")}, got ${JSON.stringify(definition.outcome)}`,
    );
  }
  const shards = definition.shards;
  if (
    shards !== undefined &&
    !(typeof shards === "number" ? Number.isInteger(shards) && shards >= 1 : Array.isArray(shards))
  ) {
    throw new RangeError(
      `${where} ${keyOf(definition)}: "shards" must be an integer >= 1 or an array of replica set names`,
    );
  }
  const createdAtMs =
    definition.createdAt === undefined
      ? clock.now()
      : typeof definition.createdAt === "number"
        ? definition.createdAt
        : new Date(definition.createdAt).getTime();
  if (!Number.isFinite(createdAtMs)) {
    throw new RangeError(
      `${where} ${keyOf(definition)}: "createdAt" is not a valid time: ${String(definition.createdAt)}`,
    );
  }
  // A copy, so changing the caller's object later does not change the job being served.
  return { definition: structuredClone(definition), createdAtMs };
}

/** The job as served at `now`: lifecycle state, progress, timestamps and links. */
export function renderJob(stored: StoredJob, now: number, baseUrl: string): BackupExportJob {
  const { definition, createdAtMs } = stored;
  if (definition.body !== undefined) return structuredClone(definition.body);

  const total = definition.totalCollections ?? JOB_DEFAULTS.totalCollections;
  const queuedMs = definition.queuedMs ?? JOB_DEFAULTS.queuedMs;
  const durationMs = definition.durationMs ?? JOB_DEFAULTS.durationMs;
  const outcome = definition.outcome ?? JOB_DEFAULTS.outcome;
  const endCount = outcome === "Successful" ? total : Math.floor(total / 2);
  const runningEndsAt = createdAtMs + queuedMs + durationMs;

  const progressAt = (ms: number): number =>
    ms < createdAtMs + queuedMs
      ? 0
      : ms >= runningEndsAt
        ? endCount
        : Math.floor((endCount * (ms - createdAtMs - queuedMs)) / durationMs);

  let state: BackupExportJob["state"];
  let exported: number;
  let finishedAtMs: number | undefined;
  let stateReason: StateReason | undefined;
  if (stored.stopped !== undefined && now >= stored.stopped.atMs) {
    state = stored.stopped.state;
    exported = progressAt(stored.stopped.atMs);
    finishedAtMs = stored.stopped.atMs;
    stateReason = stored.stopped.stateReason;
  } else if (now < createdAtMs + queuedMs) {
    state = "Queued";
    exported = 0;
  } else if (now < runningEndsAt) {
    state = "InProgress";
    exported = progressAt(now);
  } else {
    state = outcome;
    exported = endCount;
    finishedAtMs = runningEndsAt;
    stateReason = outcome === "Failed" ? (definition.stateReason ?? DEFAULT_FAILURE) : definition.stateReason;
  }

  const { groupId, clusterName, exportId } = definition;
  const shardNames =
    definition.shards === undefined
      ? undefined
      : typeof definition.shards === "number"
        ? Array.from(
            { length: definition.shards },
            (_, i) => `atlas-${derivedId(exportId, "rs").slice(0, 6)}-shard-${i}`,
          )
        : definition.shards;
  const components: BackupExportMember[] | undefined = shardNames?.map((replicaSetName) => ({
    exportId: derivedId(exportId, `component:${replicaSetName}`),
    replicaSetName,
  }));
  const createdAt = isoSeconds(createdAtMs);

  return {
    ...(components === undefined ? {} : { components }),
    createdAt,
    customData: structuredClone(definition.customData ?? []),
    exportBucketId: definition.exportBucketId ?? derivedId(exportId, "bucket"),
    exportStatus: { exportedCollections: exported, totalCollections: total },
    ...(finishedAtMs === undefined ? {} : { finishedAt: isoSeconds(finishedAtMs) }),
    id: exportId,
    links: [
      {
        href: `${baseUrl}/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/exports/${exportId}`,
        rel: "self",
      },
    ],
    prefix:
      definition.prefix ??
      `/exported_snapshots/mock-org/mock-project/${clusterName}/${createdAt.slice(0, 16).replace(":", "")}/${Math.floor(createdAtMs / 1000)}`,
    snapshotId: definition.snapshotId ?? derivedId(exportId, "snapshot"),
    state,
    ...(stateReason === undefined ? {} : { stateReason }),
  };
}
