import { getBackupExportJob } from "./job-handlers.js";
import type { OperationHandler } from "./operation-handler.js";
import type { OperationId } from "./operation-table.js";

/** One handler per operationId of the operation table: a new operation without a handler does not compile. */
export const operationHandlers: Readonly<Record<OperationId, OperationHandler>> = {
  getBackupExportJob,
};
