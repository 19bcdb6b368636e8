import { notFound } from "./not-found.js";
import type { OperationHandler } from "./operation-handler.js";
import { pageResult } from "./paginate.js";

/** listReplicaSetBackups: a cluster's snapshots, newest first, one page at a time. */
export const listReplicaSetBackups: OperationHandler = ({ params, url, context }) =>
  pageResult(context.snapshots.list(params["groupId"] ?? "", params["clusterName"] ?? ""), url);

/** getReplicaSetBackup: one snapshot of the cluster. */
export const getReplicaSetBackup: OperationHandler = ({ params, path, context }) => {
  const { groupId = "", clusterName = "", snapshotId = "" } = params;
  const snapshot = context.snapshots.get({ groupId, clusterName, snapshotId });
  return snapshot === undefined ? notFound(path) : { status: 200, body: snapshot };
};
