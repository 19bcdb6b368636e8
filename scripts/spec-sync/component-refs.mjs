// Component references (`#/components/<type>/<name>`) and the security schemes a requirement names.

const componentRefPattern = /^#\/components\/([^/]+)\/([^/]+)$/;

/** "#/components/schemas/A~1B" -> {type: "schemas", name: "A/B"} (JSON pointer escapes, RFC 6901 §4). */
export function parseComponentRef(ref) {
  const match = componentRefPattern.exec(ref);
  if (!match) return undefined;
  const unescape = (part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~");
  return { type: unescape(match[1]), name: unescape(match[2]) };
}

/** Calls visit(ref, node) for every `$ref` string in this JSON value. */
export function forEachRef(value, visit) {
  if (Array.isArray(value)) {
    for (const item of value) forEachRef(item, visit);
  } else if (value !== null && typeof value === "object") {
    if (typeof value.$ref === "string") visit(value.$ref, value);
    for (const [key, item] of Object.entries(value)) if (key !== "$ref") forEachRef(item, visit);
  }
}

/** Names of the security schemes a list of security requirements uses. */
export function securitySchemeNames(security) {
  return [...new Set((security ?? []).flatMap((requirement) => Object.keys(requirement ?? {})))];
}
