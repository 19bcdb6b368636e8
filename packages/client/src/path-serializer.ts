import { validatePathParameter, type PathParameterName } from "@atlas-export/types/validate-path-parameter";
import { operationTable } from "@atlas-export/types";
import { AtlasValidationError } from "./atlas-validation-error.js";

const MAX_SHOWN = 40;

/** Throws an `AtlasValidationError` naming the parameter, the rule it breaks and (a prefix of) the value. */
export function assertPathParameter(name: string, value: unknown): void {
  const violation = isKnown(name) ? validatePathParameter(name, value)[0] : undefined;
  if (violation) throw invalid(name, value, describeRule(violation.keyword, violation.params));
  // Unknown names still may not walk the path: "." and ".." survive encodeURIComponent.
  if (value === "." || value === ".." || value === "") throw invalid(name, value, "not empty, '.' or '..'");
}

// Every path parameter name of the spec's operations (groupId, clusterName, exportId, exportBucketId, …).
const KNOWN: ReadonlySet<string> = new Set(
  Object.values(operationTable).flatMap((operation) => operation.pathParameters),
);

function isKnown(name: string): name is PathParameterName {
  return KNOWN.has(name);
}

function describeRule(keyword: string, params: Record<string, unknown>): string {
  if (keyword === "pattern") return `pattern ${String(params.pattern)}`;
  if (keyword === "minLength") return `minLength ${String(params.limit)}`;
  if (keyword === "maxLength") return `maxLength ${String(params.limit)}`;
  if (keyword === "type") return `type ${String(params.type)}`;
  return keyword;
}

function invalid(name: string, value: unknown, rule: string): AtlasValidationError {
  const shown =
    typeof value === "string"
      ? JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value)
      : String(value);
  return new AtlasValidationError(
    `${name} must match ${rule} (got ${shown}); pass the value exactly as Atlas shows it`,
    name,
    rule,
  );
}

/**
 * openapi-fetch `pathSerializer`: checks every path parameter against the fragment's constraints, then
 * percent-encodes it, so no value can add a segment, a query or a fragment (`/`, `?`, `#`, `%2e%2e`).
 */
export function pathSerializer(pathname: string, pathParams: Record<string, unknown> | undefined): string {
  return pathname.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = pathParams?.[name];
    assertPathParameter(name, value);
    return encodeURIComponent(String(value));
  });
}
