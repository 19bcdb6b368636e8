import type { SchemaViolation } from "@atlas-export/types/validators";
import { validateCreateBackupExportJobBody, validateCreateExportBucketBody } from "./interim-types.js";
import type { OperationId } from "./operation-table.js";

/** The schema check of each operation that takes a body (every operation with a `requestMediaType`). */
export const requestBodyValidators: Partial<Record<OperationId, (body: unknown) => SchemaViolation[]>> = {
  createExportBucket: validateCreateExportBucketBody,
  createBackupExportJob: validateCreateBackupExportJobBody,
};
