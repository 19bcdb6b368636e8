// Classifies a difference for the people who use the generated client: would taking upstream's version
// break code that compiles and works today (breaking), only add something (non-breaking), or only change
// words and examples (docs-only)? "Response" nodes are read by users, so narrowing them is safe and
// widening them is not; "request" nodes (parameters) are written by users, so the reverse holds.

/** @typedef {"breaking" | "non-breaking" | "docs-only"} Classification */

export const classifications = /** @type {const} */ (["breaking", "non-breaking", "docs-only"]);

const docsKeys = new Set(["description", "summary", "title", "externalDocs", "deprecated", "tags"]);
const lowerBounds = new Set(["minLength", "minimum", "minItems", "minProperties", "exclusiveMinimum"]);
const upperBounds = new Set(["maxLength", "maximum", "maxItems", "maxProperties", "exclusiveMaximum"]);
const otherConstraints = new Set(["pattern", "multipleOf", "uniqueItems"]);
const shapeKeys = new Set([
  "type",
  "format",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "additionalProperties",
  "nullable",
  "enum",
  "properties",
]);
const harmlessKeys = new Set(["readOnly", "writeOnly", "default", "allowEmptyValue", "discriminator", "xml"]);
const wireKeys = new Set(["in", "name", "style", "explode", "allowReserved", "schema", "content"]);

function is2xx(code) {
  return /^2/.test(code) || code === "default";
}

/** "tightened" when the request accepts fewer values afterwards, "loosened" when it accepts more. */
function constraintEffect(key, kind, from, to) {
  if (kind === "added") return key === "uniqueItems" && to !== true ? "loosened" : "tightened";
  if (kind === "removed") return key === "uniqueItems" && from !== true ? "tightened" : "loosened";
  if (lowerBounds.has(key) && typeof from === "number" && typeof to === "number")
    return to > from ? "tightened" : "loosened";
  if (upperBounds.has(key) && typeof from === "number" && typeof to === "number")
    return to < from ? "tightened" : "loosened";
  if (typeof from === "boolean" && typeof to === "boolean") return to ? "tightened" : "loosened";
  return "tightened"; // a different pattern or multipleOf: some value that passed may now fail
}

/** "narrowed" when the type describes fewer values afterwards, "widened" when more, else "changed". */
function shapeEffect(key, kind, to) {
  if (key === "nullable") return to === true ? "widened" : "narrowed";
  if (key === "additionalProperties" && kind === "added") return to === false ? "narrowed" : "widened";
  if (kind === "added") return "narrowed";
  if (kind === "removed") return "widened";
  return "changed";
}

/**
 * @param {import("./compare-operations.mjs").Difference} difference
 * @returns {{classification: Classification, reason: string}}
 */
export function classifyDifference(difference) {
  const { kind, key, context, what, from, to, facts } = difference;
  const result = (classification, reason) => ({ classification, reason });
  const reading = context === "response";

  if (what === "examples") return result("docs-only", "examples");
  if (docsKeys.has(key) && what === "value")
    return result("docs-only", key === "deprecated" ? "deprecation notice" : "documentation");
  if (key.startsWith("x-")) return result("docs-only", "specification extension");
  if (what === "ref")
    return result("breaking", "refers to another component: the generated type name changes");

  if (what === "security")
    return kind === "added"
      ? result("non-breaking", "auth scheme added")
      : result("breaking", kind === "removed" ? "auth scheme removed" : "auth requirement changed");
  if (what === "parameter") {
    if (kind === "removed") return result("breaking", "request parameter removed");
    return facts?.required
      ? result("breaking", "required request parameter added")
      : result("non-breaking", "optional request parameter added");
  }
  if (what === "item:tags") return result("docs-only", "documentation");
  if (what === "item:enum") {
    if (reading)
      return kind === "added"
        ? result("breaking", "new enum value in a response")
        : result("non-breaking", "enum value no longer sent");
    return kind === "added"
      ? result("non-breaking", "request constraint loosened (enum value accepted)")
      : result("breaking", "request constraint tightened (enum value rejected)");
  }
  if (what === "item:required") {
    if (reading)
      return kind === "added"
        ? result("non-breaking", "response field now always present")
        : result("breaking", "response field no longer always present");
    return kind === "added"
      ? result("breaking", "request field now required")
      : result("non-breaking", "request field now optional");
  }
  if (what === "entry:properties") {
    if (kind === "removed")
      return result("breaking", reading ? "response field removed" : "request field removed");
    if (kind === "added")
      return result(
        "non-breaking",
        reading ? "optional response field added" : "optional request field added",
      );
  }
  if (what === "entry:responses") {
    if (kind === "added")
      return is2xx(key)
        ? result("breaking", "new success response widens the result type")
        : result("non-breaking", "response code added");
    if (kind === "removed")
      return is2xx(key)
        ? result("breaking", "success response removed")
        : result("non-breaking", "error response no longer documented");
  }
  if (what === "entry:content") {
    if (kind === "removed") return result("breaking", "media type removed");
    if (kind === "added") return result("non-breaking", "media type added");
  }
  if (what === "entry:headers") {
    if (kind === "removed")
      return result("breaking", reading ? "response header removed" : "request header removed");
    if (kind === "added")
      return reading || !facts?.required
        ? result("non-breaking", "header added")
        : result("breaking", "required request header added");
  }
  if (what === "entry:scopes")
    return kind === "removed"
      ? result("breaking", "OAuth scope removed")
      : result("non-breaking", "OAuth scope added");

  if (what === "entry:mapping" && (kind === "added" || kind === "removed")) {
    if (reading)
      return kind === "added"
        ? result("breaking", "new variant in a response union")
        : result("non-breaking", "variant no longer sent");
    return kind === "added"
      ? result("non-breaking", "request variant accepted")
      : result("breaking", "request variant rejected");
  }

  if (key === "operationId") return result("breaking", "the generated operation name changes");
  if (context === "security") return result("breaking", "auth scheme changed");
  if (lowerBounds.has(key) || upperBounds.has(key) || otherConstraints.has(key)) {
    const effect = constraintEffect(key, kind, from, to);
    if (reading) return result("non-breaking", `response constraint ${effect} (generated types unchanged)`);
    return effect === "tightened"
      ? result("breaking", "request constraint tightened")
      : result("non-breaking", "request constraint loosened");
  }
  if (key === "required" && typeof (to ?? from) === "boolean") {
    const nowRequired = to === true;
    if (reading)
      return nowRequired
        ? result("non-breaking", "now always present")
        : result("breaking", "no longer always present");
    return nowRequired
      ? result("breaking", "request constraint tightened (now required)")
      : result("non-breaking", "request constraint loosened (now optional)");
  }
  if (shapeKeys.has(key)) {
    const effect = shapeEffect(key, kind, to);
    if (effect === "changed")
      return result("breaking", reading ? "response field retyped" : "request field retyped");
    if (reading)
      return effect === "widened"
        ? result("breaking", "response type widened")
        : result("non-breaking", "response type narrowed");
    return effect === "narrowed"
      ? result("breaking", "request constraint tightened")
      : result("non-breaking", "request constraint loosened");
  }
  if (harmlessKeys.has(key)) return result("non-breaking", `${key} changed`);
  if (wireKeys.has(key)) return result("breaking", `${key} changed on the wire`);
  return result("breaking", "unclassified change, treated as breaking to be safe: review it");
}
