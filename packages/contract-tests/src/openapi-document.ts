/**
 * The few parts of an OpenAPI 3.0 document the contract tests walk. Everything else stays `unknown`:
 * the tests read the spec, they never assume more of it than they check.
 */
export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: { [path: string]: JsonObject };
  components?: JsonObject;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
