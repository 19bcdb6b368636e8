import { pathParameterSchemas } from "./generated/path-parameter-schemas.js";
import { compileStringSchema, type StringSchema } from "./compile-string-schema.js";
import type { SchemaViolation } from "./schema-violation.js";

type Table = typeof pathParameterSchemas;

/** An operation that has path parameters (every one of the spec's). */
export type PathParameterOperationId = keyof Table;

/** The name of any path parameter of any operation (`groupId`, `clusterName`, `exportId`, …). */
export type PathParameterName = { [Id in keyof Table]: keyof Table[Id] }[keyof Table];

const table: Record<string, Record<string, StringSchema>> = pathParameterSchemas;

// Compiled on first use of each schema, then reused (a call checks every parameter of its path).
const compiled = new Map<StringSchema, (value: unknown) => SchemaViolation[]>();
function validatorOf(schema: StringSchema): (value: unknown) => SchemaViolation[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = compileStringSchema(schema)));
  return validate;
}

// The distinct schemas the spec gives each name, the one with the most constraints first so its
// violation is the one reported (operations share one schema object per distinct schema).
const byName = new Map<string, StringSchema[]>();
function schemasNamed(name: string): StringSchema[] {
  let schemas = byName.get(name);
  if (!schemas) {
    const distinct = new Set(Object.values(table).flatMap((parameters) => parameters[name] ?? []));
    schemas = [...distinct].sort((a, b) => Object.keys(b).length - Object.keys(a).length);
    byName.set(name, schemas);
  }
  return schemas;
}

/**
 * Checks one path parameter against the fragment's constraints (pattern, length); `[]` when valid. With
 * an operationId, against that operation's schema for the parameter; without, against every schema the
 * spec gives a parameter of that name (operations may differ: getBackupExportJob's clusterName also has
 * the documented 1-64 length), so a value passes only what every operation accepts.
 */
export function validatePathParameter(
  name: PathParameterName,
  value: unknown,
  operationId?: PathParameterOperationId,
): SchemaViolation[] {
  if (operationId !== undefined) {
    const schema = table[operationId]?.[name];
    if (!schema) {
      throw new TypeError(
        `@atlas-export/types: operation ${String(operationId)} has no path parameter ${String(name)}`,
      );
    }
    return validatorOf(schema)(value);
  }
  const schemas = schemasNamed(name);
  if (schemas.length === 0)
    throw new TypeError(`@atlas-export/types: no operation has a path parameter ${String(name)}`);
  for (const schema of schemas) {
    const violations = validatorOf(schema)(value);
    if (violations.length > 0) return violations;
  }
  return [];
}
