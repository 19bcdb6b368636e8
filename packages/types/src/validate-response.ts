import { resultValidators } from "./generated/schema-validators.js";
import { violationsOf, type SchemaViolation } from "./schema-violation.js";

/** The operationId of an operation that answers with a body (every one but the 204s). */
export type OperationWithResult = keyof typeof resultValidators;

/**
 * Checks an operation's 2xx body against the spec (precompiled; ajv is not needed at runtime). Returns the
 * first violation found, or `[]` when the body is valid.
 */
export function validateResponse(operationId: OperationWithResult, body: unknown): SchemaViolation[] {
  const validate = resultValidators[operationId];
  if (validate === undefined)
    throw new TypeError(`@atlas-export/types: no operation ${String(operationId)} answers with a body`);
  return violationsOf(validate, body);
}
