import {
  validatePathParameter_clusterName,
  validatePathParameter_exportId,
  validatePathParameter_groupId,
} from "./generated/path-parameter-validators.js";
import type { GetBackupExportJobParams } from "./aliases.js";
import { violationsOf, type CompiledValidator, type SchemaViolation } from "./schema-violation.js";

/** The path parameters of `getBackupExportJob`. */
export type PathParameterName = keyof GetBackupExportJobParams;

const validators: Record<PathParameterName, CompiledValidator> = {
  groupId: validatePathParameter_groupId as CompiledValidator,
  clusterName: validatePathParameter_clusterName as CompiledValidator,
  exportId: validatePathParameter_exportId as CompiledValidator,
};

/** Checks one path parameter against the fragment's constraints (pattern, length); `[]` when valid. */
export function validatePathParameter(name: PathParameterName, value: unknown): SchemaViolation[] {
  return violationsOf(validators[name], value);
}
