import { isTerminalState } from "@atlas-export/types";
import { apiError } from "./api-error.js";
import { bucketFromBody } from "./bucket-store.js";
import type { CreateExportBucketBody } from "@atlas-export/types";
import { newObjectId } from "./new-object-id.js";
import { notFound } from "./not-found.js";
import type { OperationHandler } from "./operation-handler.js";
import { pageResult } from "./paginate.js";
import { validationError } from "./validation-error.js";

/** listExportBuckets: the project's buckets, one page at a time. */
export const listExportBuckets: OperationHandler = ({ params, url, context }) =>
  pageResult(context.buckets.list(params["groupId"] ?? ""), url);

/** createExportBucket: stores the bucket (the body is already schema-valid) and answers it with its `_id`. */
export const createExportBucket: OperationHandler = ({ params, body, context }) => {
  const groupId = params["groupId"] ?? "";
  const made = bucketFromBody(body as CreateExportBucketBody, newObjectId(context.clock));
  if (!made.ok) return validationError("request body field", [made.problem]);
  context.projects.project(groupId).buckets.set(made.bucket._id, made.bucket);
  return { status: 200, body: context.buckets.get(groupId, made.bucket._id) };
};

/** getExportBucket: one bucket by `_id`. */
export const getExportBucket: OperationHandler = ({ params, path, context }) => {
  const bucket = context.buckets.get(params["groupId"] ?? "", params["exportBucketId"] ?? "");
  return bucket === undefined ? notFound(path) : { status: 200, body: bucket };
};

/**
 * deleteExportBucket: 204, unless an export to the bucket is still Queued or InProgress — Atlas then
 * refuses with EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE (reported in
 * mongodb/terraform-provider-mongodbatlas#2325).
 */
export const deleteExportBucket: OperationHandler = ({ params, path, context }) => {
  const groupId = params["groupId"] ?? "";
  const exportBucketId = params["exportBucketId"] ?? "";
  if (context.buckets.get(groupId, exportBucketId) === undefined) return notFound(path);
  const running = context.jobs
    .list({ groupId })
    .filter(({ job }) => job.exportBucketId === exportBucketId && !isTerminalState(job.state));
  if (running.length > 0) {
    return {
      status: 400,
      body: apiError(
        400,
        "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE",
        `Export bucket ${exportBucketId} is in use by ${running.length} running export job(s); wait for them to finish before deleting it.`,
        { parameters: [exportBucketId] },
      ),
    };
  }
  context.buckets.remove(groupId, exportBucketId);
  return { status: 204 };
};
