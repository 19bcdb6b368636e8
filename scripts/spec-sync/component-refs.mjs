// Component references (`#/components/<type>/<name>`) and the security schemes a requirement names.

const componentRefPattern = /^#\/components\/([^/]+)\/([^/]+)$/;

/** "#/components/schemas/A~1B" -> {type: "schemas", name: "A/B"} (JSON pointer escapes, RFC 6901 §4). */
export function parseComponentRef(ref) {
  const match = componentRefPattern.exec(ref);
  if (!match) return undefined;
  const unescape = (part) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~");
  return { type: unescape(match[1]), name: unescape(match[2]) };
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Calls visit(ref, node, via, keys) for every `$ref` string in this JSON value (keys: where, below the value),
 * and for every schema a
 * `discriminator.mapping` names (via "mapping"): upstream models the export bucket unions as a base schema
 * whose mapping is the only link to its AWS, Azure and GCP variants, so a variant is reached through it.
 */
export function forEachRef(value, visit, keys = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => forEachRef(item, visit, [...keys, index]));
  } else if (value !== null && typeof value === "object") {
    if (typeof value.$ref === "string") visit(value.$ref, value, "$ref", keys);
    if (isObject(value.discriminator) && isObject(value.discriminator.mapping))
      for (const [name, target] of Object.entries(value.discriminator.mapping))
        if (typeof target === "string")
          visit(target, value, "mapping", [...keys, "discriminator", "mapping", name]);
    for (const [key, item] of Object.entries(value))
      if (key !== "$ref") forEachRef(item, visit, [...keys, key]);
  }
}

/** Names of the security schemes a list of security requirements uses. */
export function securitySchemeNames(security) {
  return [...new Set((security ?? []).flatMap((requirement) => Object.keys(requirement ?? {})))];
}
