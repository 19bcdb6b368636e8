import type { ClusterRef } from "./cluster-ref.js";
import { pathParamViolations } from "./path-param-violations.js";
import type { ProjectStores } from "./project-stores.js";
import { describeValue } from "./describe-value.js";

/**
 * The clusters a running emulator knows, per project. A cluster exists once something names it: a
 * `clusters` entry, a snapshot or a job (at start or added later). Every cluster-scoped operation on
 * any other cluster answers 404 CLUSTER_NOT_FOUND, as Atlas does.
 */
export interface ClusterStore {
  /** Makes the cluster exist (throws naming the field if `groupId` or `clusterName` is invalid); adding it twice is harmless. */
  add(ref: ClusterRef): ClusterRef;
  /** Whether the cluster exists. */
  has(ref: ClusterRef): boolean;
  /** A project's clusters in the order they became known (every project's without `groupId`). */
  list(groupId?: string): ClusterRef[];
  /**
   * Deletes the cluster: the API answers CLUSTER_NOT_FOUND for it from now on. Its snapshots and jobs
   * stay in their stores (and come back if it is added again); false when there was no such cluster.
   */
  remove(ref: ClusterRef): boolean;
}

export function createClusterStore(options: {
  projects: ProjectStores;
  initial: readonly ClusterRef[];
}): ClusterStore {
  const { projects } = options;
  const store: ClusterStore = {
    add(ref) {
      const where = "@atlas-export/mock-server: cluster";
      if (typeof ref !== "object" || ref === null) {
        throw new TypeError(`${where} must be an object with groupId and clusterName`);
      }
      const { groupId, clusterName } = ref;
      for (const [field, value] of Object.entries({ groupId, clusterName })) {
        if (typeof value !== "string") {
          throw new TypeError(`${where} needs "${field}" as a string, got ${describeValue(value)}`);
        }
      }
      const [violation] = pathParamViolations({ groupId, clusterName });
      if (violation !== undefined) {
        const value = violation.field === "groupId" ? groupId : clusterName;
        throw new RangeError(
          `${where} "${violation.field}" ${violation.description}, got ${JSON.stringify(value)}`,
        );
      }
      projects.project(groupId).clusters.add(clusterName);
      return { groupId, clusterName };
    },
    has: ({ groupId, clusterName }) => projects.find(groupId)?.clusters.has(clusterName) ?? false,
    list: (groupId) =>
      [...projects.all()]
        .filter((project) => groupId === undefined || project.groupId === groupId)
        .flatMap((project) =>
          [...project.clusters].map((clusterName) => ({ groupId: project.groupId, clusterName })),
        ),
    remove: ({ groupId, clusterName }) => projects.find(groupId)?.clusters.delete(clusterName) ?? false,
  };
  options.initial.forEach((ref) => store.add(ref));
  return store;
}
