import { requestBodyValidators } from "./generated/schema-validators.js";
import { violationsOf, type SchemaViolation } from "./schema-violation.js";

/** The operationId of an operation that takes a request body (`createExportBucket`, …). */
export type OperationWithRequestBody = keyof typeof requestBodyValidators;

/**
 * Checks a request body against the operation's schema in the spec (precompiled; ajv is not needed at
 * runtime): what an emulator answers 400 to, or what a caller can check before sending. Returns the first
 * violation found, or `[]` when the body is valid.
 */
export function validateRequestBody(operationId: OperationWithRequestBody, body: unknown): SchemaViolation[] {
  const validate = requestBodyValidators[operationId];
  if (validate === undefined) {
    throw new TypeError(`@atlas-export/types: no operation ${String(operationId)} takes a request body`);
  }
  return violationsOf(validate, body);
}
