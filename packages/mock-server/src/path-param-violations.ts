import { interimHexParameter } from "./interim-types.js";
import { validatePathParameter, type PathParameterName } from "@atlas-export/types/validate-path-parameter";

/** A rejected path parameter, in the shape of ApiError.badRequestDetail.fields[]. */
export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * Checks path parameters with @atlas-export/types' validators, generated from the spec's parameter
 * schemas (pattern, lengths), in the order given; one violation per bad parameter.
 */
export function pathParamViolations(params: Readonly<Record<string, string>>): FieldViolation[] {
  return Object.entries(params).flatMap(([field, value]) => {
    if (field === "exportBucketId" || field === "snapshotId") {
      const description = interimHexParameter(value);
      return description === undefined ? [] : [{ field, description }];
    }
    return validatePathParameter(field as PathParameterName, value).map((violation) => ({
      field,
      description: violation.message,
    }));
  });
}
