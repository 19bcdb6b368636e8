// The fragment's media types (GUIDE §4): every request body and every success response is a versioned
// Atlas media type, `application/vnd.atlas.YYYY-MM-DD+json`; every error response is `application/json`.
// A fragment that says otherwise would make the client send the wrong Accept/Content-Type.
import { parseComponentRef } from "./component-refs.mjs";
import { SpecSyncError } from "./spec-sync-error.mjs";

const versioned = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Throws SpecSyncError naming the operation and the node of the first wrong media type.
 * @param {string} name the fragment's file name
 * @param {import("./extract-operations.mjs").ExtractedSpec} fragment
 */
export function checkMediaTypes(name, fragment) {
  const follow = (node) => {
    const target = isObject(node) && typeof node.$ref === "string" ? parseComponentRef(node.$ref) : undefined;
    return target ? fragment.components[target.type]?.[target.name] : node;
  };
  for (const { operationId, operation } of fragment.operations) {
    const check = (content, where, success) => {
      for (const mediaType of Object.keys(isObject(content) ? content : {})) {
        const ok = success ? versioned.test(mediaType) : mediaType === "application/json";
        if (!ok)
          throw new SpecSyncError(
            `${name}: wrong media type "${mediaType}" at operations.${operationId}.${where}.content: ` +
              (success
                ? "requests and success responses use a versioned Atlas type, application/vnd.atlas.YYYY-MM-DD+json."
                : "error responses are application/json."),
          );
      }
    };
    check(follow(operation.requestBody)?.content, "requestBody", true);
    for (const [code, response] of Object.entries(isObject(operation.responses) ? operation.responses : {}))
      check(follow(response)?.content, `responses.${code}`, /^[123]/.test(code));
  }
}
