import type { JobRef } from "./mock-job-definition.js";

/** A rejected path parameter, in the shape of ApiError.badRequestDetail.fields[]. */
export interface FieldViolation {
  field: keyof JobRef;
  description: string;
}

const HEX24 = /^([a-f0-9]{24})$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;

/** Checks the path parameters against spec/openapi.yaml's schemas (patterns and lengths). */
export function pathParamViolations(ref: JobRef): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!HEX24.test(ref.groupId)) {
    violations.push({
      field: "groupId",
      description: "must be a 24-hexadecimal digit string (^([a-f0-9]{24})$)",
    });
  }
  if (ref.clusterName.length < 1 || ref.clusterName.length > 64 || !CLUSTER_NAME.test(ref.clusterName)) {
    violations.push({
      field: "clusterName",
      description: "must be 1 to 64 letters, digits or hyphens, starting with a letter or digit",
    });
  }
  if (!HEX24.test(ref.exportId)) {
    violations.push({
      field: "exportId",
      description: "must be a 24-hexadecimal digit string (^([a-f0-9]{24})$)",
    });
  }
  return violations;
}
