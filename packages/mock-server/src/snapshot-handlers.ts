import { notFound } from "./not-found.js";
import type { OperationHandler } from "./operation-handler.js";
import { pageResult } from "./paginate.js";
import { pointInTimeQuery } from "./point-in-time-query.js";
import { validationError } from "./validation-error.js";

/**
 * listReplicaSetBackups: a cluster's snapshots, newest first, one page at a time. With a point in time
 * (`pointInTimeUtcSeconds`, or `oplogTs` and `oplogInc`) only the closest snapshot taken at or before it,
 * as the spec describes the parameters; none when every snapshot is younger.
 */
export const listReplicaSetBackups: OperationHandler = ({ params, query, url, context }) => {
  const point = pointInTimeQuery(query);
  if (!point.ok) return validationError("query parameter", point.violations);
  const snapshots = context.snapshots.list(params["groupId"] ?? "", params["clusterName"] ?? "");
  if (point.atMs === undefined) return pageResult(snapshots, url);
  const { atMs } = point;
  // Newest first, so the first one taken at or before the point is the closest.
  const closest = snapshots.find((snapshot) => Date.parse(snapshot.createdAt ?? "") <= atMs);
  return pageResult(closest === undefined ? [] : [closest], url);
};

/** getReplicaSetBackup: one snapshot of the cluster. */
export const getReplicaSetBackup: OperationHandler = ({ params, path, context }) => {
  const { groupId = "", clusterName = "", snapshotId = "" } = params;
  const snapshot = context.snapshots.get({ groupId, clusterName, snapshotId });
  return snapshot === undefined ? notFound(path) : { status: 200, body: snapshot };
};
