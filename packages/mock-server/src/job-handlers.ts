import { notFound } from "./not-found.js";
import type { OperationHandler } from "./operation-handler.js";

/** getBackupExportJob: the job as of the emulator's clock; an unknown job is answered like an unknown path. */
export const getBackupExportJob: OperationHandler = ({ params, path, context }) => {
  const { groupId = "", clusterName = "", exportId = "" } = params;
  const job = context.jobs.get({ groupId, clusterName, exportId });
  return job === undefined ? notFound(path) : { status: 200, body: job };
};
