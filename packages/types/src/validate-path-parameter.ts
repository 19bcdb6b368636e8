import { pathParameterSchemas } from "./generated/path-parameter-schemas.js";
import type { GetBackupExportJobParams } from "./aliases.js";
import { compileStringSchema } from "./compile-string-schema.js";
import type { SchemaViolation } from "./schema-violation.js";

/** The path parameters of `getBackupExportJob`. */
export type PathParameterName = keyof GetBackupExportJobParams;

// Compiled on first use of each parameter, then reused (a call checks every parameter of its path).
const validators: Partial<Record<PathParameterName, (value: unknown) => SchemaViolation[]>> = {};

/** Checks one path parameter against the fragment's constraints (pattern, length); `[]` when valid. */
export function validatePathParameter(name: PathParameterName, value: unknown): SchemaViolation[] {
  return (validators[name] ??= compileStringSchema(pathParameterSchemas[name]))(value);
}
