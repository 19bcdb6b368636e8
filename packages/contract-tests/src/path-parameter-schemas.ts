import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs, pointerSegment } from "./resolve-ref.js";

/** The schema of each path parameter of the operation with this operationId, following $refs. */
export function pathParameterSchemas(
  document: OpenApiDocument,
  operationId: string,
): Record<string, JsonObject> {
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!isJsonObject(operation) || operation["operationId"] !== operationId) continue;
      const parameters = Array.isArray(operation["parameters"]) ? operation["parameters"] : [];
      const schemas: Record<string, JsonObject> = {};
      parameters.forEach((parameterOrRef, index) => {
        const at = `#/paths/${pointerSegment(path)}/${method}/parameters/${index}`;
        const { node: parameter } = followRefs(document, parameterOrRef, at);
        if (parameter["in"] !== "path" || typeof parameter["name"] !== "string") return;
        schemas[parameter["name"]] = followRefs(document, parameter["schema"], `${at}/schema`).node;
      });
      return schemas;
    }
  }
  throw new Error(`contract-tests: the spec has no operation ${operationId}`);
}
