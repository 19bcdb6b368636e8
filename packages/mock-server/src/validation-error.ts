import { apiError } from "./api-error.js";
import type { OperationResult } from "./operation-handler.js";
import type { FieldViolation } from "./path-param-violations.js";

/** 400 VALIDATION_ERROR naming the first bad field in `detail` and every one in `badRequestDetail.fields`. */
export function validationError(where: string, violations: readonly FieldViolation[]): OperationResult {
  const [first] = violations;
  const body = apiError(
    400,
    "VALIDATION_ERROR",
    first === undefined ? `Invalid ${where}.` : `Invalid ${where} ${first.field}: ${first.description}.`,
    { parameters: first === undefined ? [] : [first.field] },
  );
  body.badRequestDetail = { fields: violations.map(({ field, description }) => ({ field, description })) };
  return { status: 400, body };
}
