import type { ClusterRef } from "./cluster-ref.js";

/** The cluster of the documentation page's examples: `Cluster0` in project 32b6e34b3d91647abb20e7b8 (frozen). */
export const DOCUMENTED_CLUSTER: ClusterRef = Object.freeze({
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
});
