import type { OperationId } from "@atlas-export/types";
import {
  validatePathParameter,
  type PathParameterName,
  type PathParameterOperationId,
} from "@atlas-export/types/validate-path-parameter";

/** A rejected path parameter, in the shape of ApiError.badRequestDetail.fields[]. */
export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * Checks path parameters with @atlas-export/types' validators, generated from the spec's parameter
 * schemas (pattern, lengths), in the order given; one violation per bad parameter. With an operationId,
 * against that operation's schemas; without (definitions given to the emulator), against what every
 * operation with a parameter of that name accepts.
 */
export function pathParamViolations(
  params: Readonly<Record<string, string>>,
  operationId?: OperationId,
): FieldViolation[] {
  return Object.entries(params).flatMap(([field, value]) =>
    validatePathParameter(
      field as PathParameterName,
      value,
      operationId as PathParameterOperationId | undefined,
    ).map((violation) => ({ field, description: violation.message })),
  );
}
