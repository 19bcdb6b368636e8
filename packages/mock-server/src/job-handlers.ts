import { isTerminalState } from "@atlas-export/types";
import { apiError } from "./api-error.js";
import type { CreateBackupExportJobBody } from "@atlas-export/types";
import { isoSeconds } from "./iso-seconds.js";
import { newObjectId } from "./new-object-id.js";
import { notFound } from "./not-found.js";
import type { OperationHandler } from "./operation-handler.js";
import { pageResult } from "./paginate.js";

/** getBackupExportJob: the job as of the emulator's clock; an unknown job is answered like an unknown path. */
export const getBackupExportJob: OperationHandler = ({ params, path, context }) => {
  const { groupId = "", clusterName = "", exportId = "" } = params;
  const job = context.jobs.get({ groupId, clusterName, exportId });
  return job === undefined ? notFound(path) : { status: 200, body: job };
};

/** listBackupExportJobs: the cluster's jobs in creation order, each as of the clock, one page at a time. */
export const listBackupExportJobs: OperationHandler = ({ params, url, context }) => {
  const { groupId = "", clusterName = "" } = params;
  return pageResult(
    context.jobs.list({ groupId, clusterName }).map(({ job }) => job),
    url,
  );
};

/**
 * createBackupExportJob: exports a snapshot of the cluster to a bucket of the project. The job starts
 * Queued now and runs the emulator's export lifecycle; a job still running for the same snapshot and
 * bucket is a 409, as on Atlas.
 */
export const createBackupExportJob: OperationHandler = ({ params, body, context }) => {
  const { groupId = "", clusterName = "" } = params;
  const { snapshotId, exportBucketId, customData } = body as CreateBackupExportJobBody;
  const snapshot = context.snapshots.get({ groupId, clusterName, snapshotId });
  if (snapshot === undefined) {
    return missing(`snapshot ${snapshotId} of cluster ${clusterName}`, snapshotId);
  }
  if (context.buckets.get(groupId, exportBucketId) === undefined) {
    return missing(`export bucket ${exportBucketId} in project ${groupId}`, exportBucketId);
  }
  if (snapshot.status !== "completed") {
    return {
      status: 400,
      body: apiError(
        400,
        "SNAPSHOT_NOT_COMPLETE",
        `Snapshot ${snapshotId} is ${String(snapshot.status)}; only a completed snapshot can be exported.`,
        { parameters: [snapshotId] },
      ),
    };
  }
  const running = context.jobs
    .list({ groupId, clusterName })
    .find(
      ({ job }) =>
        job.snapshotId === snapshotId && job.exportBucketId === exportBucketId && !isTerminalState(job.state),
    );
  if (running !== undefined) {
    return {
      status: 409,
      body: apiError(
        409,
        "EXPORT_ALREADY_IN_PROGRESS",
        `An export of snapshot ${snapshotId} to bucket ${exportBucketId} is already running (export job ${running.ref.exportId}).`,
        { parameters: [snapshotId, exportBucketId] },
      ),
    };
  }
  const now = context.clock.now();
  const job = context.jobs.add({
    groupId,
    clusterName,
    exportId: newObjectId(context.clock),
    snapshotId,
    exportBucketId,
    // Atlas keeps a label's key and value; anything else a client sends along is not stored.
    customData: (customData ?? []).map(({ key, value }) => ({
      ...(key === undefined ? {} : { key }),
      ...(value === undefined ? {} : { value }),
    })),
    createdAt: now,
    // The form Atlas documents: /exported_snapshots/{ORG}/{PROJECT}/{CLUSTER}/{SNAPSHOT-DATE}/{TIMESTAMP}.
    prefix: `/exported_snapshots/mock-org/mock-project/${clusterName}/${(snapshot.createdAt ?? isoSeconds(now)).slice(0, 16).replace(":", "")}/${Math.floor(now / 1000)}`,
    ...context.exportJobLifecycle,
  });
  return { status: 200, body: job };
};

function missing(what: string, id: string) {
  return {
    status: 404,
    body: apiError(404, "RESOURCE_NOT_FOUND", `Cannot find ${what}.`, { parameters: [id] }),
  };
}
