/** The spec cannot be checked at all (missing file, not YAML, not OpenAPI 3.0, a structural problem). */
export class BadSpecError extends Error {
  override name = "BadSpecError";
}
