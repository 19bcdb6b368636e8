export * from "./generated/schema-validators.js";
export { validateResponse, type OperationWithResult } from "./validate-response.js";
export { validateRequestBody, type OperationWithRequestBody } from "./validate-request-body.js";
export {
  validatePathParameter,
  type PathParameterName,
  type PathParameterOperationId,
} from "./validate-path-parameter.js";
export type { SchemaViolation } from "./schema-violation.js";
