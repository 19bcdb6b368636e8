import { validateDiskBackupExportJob } from "./generated/job-validator.js";
import { violationsOf, type CompiledValidator, type SchemaViolation } from "./schema-violation.js";

/**
 * Checks a value against the fragment's `DiskBackupExportJob` schema (precompiled from spec/openapi.yaml;
 * ajv is not needed at runtime). Returns the first violation found, or `[]` when the value is a valid job.
 */
export function validateBackupExportJob(value: unknown): SchemaViolation[] {
  return violationsOf(validateDiskBackupExportJob as CompiledValidator, value);
}
