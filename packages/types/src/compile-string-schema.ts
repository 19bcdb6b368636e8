import type { SchemaViolation } from "./schema-violation.js";

/** A string schema as scripts/render-validators.mjs emits it from the spec (only the keywords checked here). */
export interface StringSchema {
  readonly type: "string";
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
}

/**
 * A validator for `schema` that reports exactly what ajv's standalone code did (allErrors off, so at most
 * one violation; the same keyword order, params and messages; length counted with `.length` as ajv's
 * `unicode: false`), in a few hundred bytes instead of ajv's generated code for every parameter.
 */
export function compileStringSchema(schema: StringSchema): (value: unknown) => SchemaViolation[] {
  // Absent limits never fail; the pattern is compiled once, with the "u" flag as ajv compiles it.
  const { maxLength = Infinity, minLength = 0, pattern } = schema;
  const regExp = pattern === undefined ? undefined : new RegExp(pattern, "u");
  return (value) => {
    if (typeof value !== "string") return violation("type", { type: "string" }, "must be string");
    if (value.length > maxLength) {
      return violation("maxLength", { limit: maxLength }, `must NOT have more than ${maxLength} characters`);
    }
    if (value.length < minLength) {
      return violation("minLength", { limit: minLength }, `must NOT have fewer than ${minLength} characters`);
    }
    if (regExp && !regExp.test(value))
      return violation("pattern", { pattern }, `must match pattern "${pattern}"`);
    return [];
  };
}

function violation(keyword: string, params: Record<string, unknown>, message: string): SchemaViolation[] {
  return [{ pointer: "", keyword, params, message }];
}
