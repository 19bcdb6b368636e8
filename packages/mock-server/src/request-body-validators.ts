import type { OperationId } from "@atlas-export/types";
import {
  validateCreateAwsExportBucketBody,
  validateCreateAzureExportBucketBody,
  validateCreateBackupExportJobBody,
  validateCreateGcpExportBucketBody,
  type SchemaViolation,
} from "@atlas-export/types/validators";
import { discriminatedValidator } from "./discriminated-validator.js";

/**
 * The generated schema check of each operation that takes a body (every operation with a
 * `requestMediaType`; a test holds the two lists equal). CreateExportBucketBody is a oneOf whose
 * discriminator, `cloudProvider`, picks the variant (the spec's mapping).
 */
export const requestBodyValidators: Partial<Record<OperationId, (body: unknown) => SchemaViolation[]>> = {
  createExportBucket: discriminatedValidator("cloudProvider", {
    AWS: validateCreateAwsExportBucketBody,
    AZURE: validateCreateAzureExportBucketBody,
    GCP: validateCreateGcpExportBucketBody,
  }),
  createBackupExportJob: validateCreateBackupExportJobBody,
};
