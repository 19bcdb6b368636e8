/** One way a value breaks the fragment's schema, as the precompiled validators report it. */
export interface SchemaViolation {
  /** JSON pointer (RFC 6901) to the offending value; `""` for the value itself. */
  pointer: string;
  /** The JSON Schema keyword that failed: `type`, `pattern`, `maxLength`, `required`, `enum`, … */
  keyword: string;
  /** The keyword's parameters (`{ pattern }`, `{ limit }`, `{ missingProperty }`, …). */
  params: Record<string, unknown>;
  /** ajv's English message, e.g. `must match pattern "^([a-f0-9]{24})$"`. */
  message: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled ajv validator: returns whether `data` is valid and leaves the reasons on `.errors`. */
export type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** Runs a compiled validator and returns its violations (empty when the value is valid). */
export function violationsOf(validate: CompiledValidator, value: unknown): SchemaViolation[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({
    pointer: error.instancePath,
    keyword: error.keyword,
    params: error.params,
    message: error.message ?? `fails ${error.keyword}`,
  }));
}
