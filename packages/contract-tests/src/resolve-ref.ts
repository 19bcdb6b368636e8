import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";

/** Encodes one JSON Pointer segment (RFC 6901 §3: "~" as "~0", "/" as "~1"). */
export function pointerSegment(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Looks up a local JSON Pointer such as `#/components/responses/notFound` in the document. */
export function lookUpPointer(document: OpenApiDocument, pointer: string): unknown {
  if (!pointer.startsWith("#/")) {
    throw new Error(
      `contract-tests: only local $refs ("#/...") are supported, got ${JSON.stringify(pointer)}`,
    );
  }
  let node: unknown = document;
  for (const raw of pointer.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isJsonObject(node) || !(key in node)) {
      throw new Error(`contract-tests: $ref ${pointer} does not resolve (no "${key}")`);
    }
    node = node[key];
  }
  return node;
}

/**
 * Follows `$ref` chains from `node` (found at `pointer`) to the object they name; returns the object and
 * the pointer where it really lives, so reports can say which component an example came from.
 */
export function followRefs(
  document: OpenApiDocument,
  node: unknown,
  pointer: string,
): { node: JsonObject; pointer: string } {
  const seen = new Set<string>();
  let current = node;
  let at = pointer;
  while (isJsonObject(current) && typeof current["$ref"] === "string") {
    const ref = current["$ref"];
    if (seen.has(ref)) throw new Error(`contract-tests: $ref cycle at ${ref}`);
    seen.add(ref);
    current = lookUpPointer(document, ref);
    at = ref;
  }
  if (!isJsonObject(current)) throw new Error(`contract-tests: ${at} is not an object`);
  return { node: current, pointer: at };
}
