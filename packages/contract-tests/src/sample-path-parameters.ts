import fc from "fast-check";
import { arbitraryFromSchema } from "./arbitrary-from-schema.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { pathParameterSchemas } from "./path-parameter-schemas.js";

/**
 * Valid values for every path parameter of an operation, derived from the spec (the schema's `example`
 * when it has one, else a value drawn from the schema with a fixed seed, so every run sends the same).
 */
export function samplePathParameters(document: OpenApiDocument, operationId: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pathParameterSchemas(document, operationId)).map(([name, schema]) => {
      const example = schema["example"];
      if (typeof example === "string") return [name, example];
      const [value] = fc.sample(arbitraryFromSchema(document, schema), { numRuns: 1, seed: 20261206 });
      return [name, String(value)];
    }),
  );
}

/** The operation's path template with each `{name}` replaced by its (encoded) value. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
}
