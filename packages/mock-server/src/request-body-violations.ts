import type { OperationId } from "@atlas-export/types";
import {
  validateCreateAwsExportBucketBody,
  validateCreateAzureExportBucketBody,
  validateCreateGcpExportBucketBody,
  validateRequestBody,
  type OperationWithRequestBody,
  type SchemaViolation,
} from "@atlas-export/types/validators";
import { discriminatedValidator } from "./discriminated-validator.js";

/**
 * Bodies that are a oneOf with a discriminator are checked against the one variant the discriminator
 * names (the spec's mapping): the generated oneOf check reports every variant's failures.
 */
const discriminated: Partial<Record<OperationId, (body: unknown) => SchemaViolation[]>> = {
  createExportBucket: discriminatedValidator("cloudProvider", {
    AWS: validateCreateAwsExportBucketBody,
    AZURE: validateCreateAzureExportBucketBody,
    GCP: validateCreateGcpExportBucketBody,
  }),
};

/** Checks an operation's request body with @atlas-export/types' generated validators; `[]` when valid. */
export function requestBodyViolations(operationId: OperationId, body: unknown): SchemaViolation[] {
  const check = discriminated[operationId];
  return check === undefined
    ? validateRequestBody(operationId as OperationWithRequestBody, body)
    : check(body);
}
