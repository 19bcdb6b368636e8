import type { ExportBucket } from "@atlas-export/types";
import type { StoredJob } from "./job-store.js";
import type { StoredSnapshot } from "./snapshot-store.js";

/** Everything the emulator holds for one project (Atlas group): each resource keyed within it. */
export interface ProjectStore {
  readonly groupId: string;
  /** Names of the clusters that exist in the project (see ClusterStore), in the order they became known. */
  readonly clusters: Set<string>;
  /** Export buckets by `_id`, in creation order, as served without `links`. */
  readonly buckets: Map<string, ExportBucket>;
  /** Snapshots by cluster name, each list newest first. */
  readonly snapshots: Map<string, StoredSnapshot[]>;
  /** Export jobs by `clusterName/exportId`, in creation order. */
  readonly jobs: Map<string, StoredJob>;
}

/** The projects the emulator knows, created on first use; nothing is shared between projects. */
export interface ProjectStores {
  /** The project's store, created empty if it has none yet. */
  project(groupId: string): ProjectStore;
  /** The project's store, or undefined when nothing was ever stored for it. */
  find(groupId: string): ProjectStore | undefined;
  /** Every project's store, in the order they were created. */
  all(): IterableIterator<ProjectStore>;
}

export function createProjectStores(): ProjectStores {
  const projects = new Map<string, ProjectStore>();
  return {
    project(groupId) {
      let store = projects.get(groupId);
      if (store === undefined) {
        store = { groupId, clusters: new Set(), buckets: new Map(), snapshots: new Map(), jobs: new Map() };
        projects.set(groupId, store);
      }
      return store;
    },
    find: (groupId) => projects.get(groupId),
    all: () => projects.values(),
  };
}
