/** Where a cluster lives: the path parameters every cluster-scoped operation has. */
export interface ClusterRef {
  groupId: string;
  clusterName: string;
}
