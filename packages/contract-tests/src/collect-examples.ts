import type { DocumentedExample } from "./documented-example.js";
import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs, pointerSegment } from "./resolve-ref.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, "_");
}

/** openapi-typescript keys numeric statuses as numbers and the rest ("default", "4XX") as strings. */
function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : JSON.stringify(status);
}

/**
 * Every example response of every operation, following `$ref`s to components/responses and
 * components/examples, so an example added to the spec is checked without touching the tests.
 */
export function collectExamples(document: OpenApiDocument): DocumentedExample[] {
  const found: DocumentedExample[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = pathItem[method];
      if (!isJsonObject(operation)) continue;
      const operationId = operation["operationId"];
      if (typeof operationId !== "string") {
        throw new Error(`contract-tests: ${method.toUpperCase()} ${path} has no operationId to type it by`);
      }
      const responses = operation["responses"];
      if (!isJsonObject(responses)) continue;
      const operationPointer = `#/paths/${pointerSegment(path)}/${method}`;
      for (const [status, responseOrRef] of Object.entries(responses)) {
        const response = followRefs(document, responseOrRef, `${operationPointer}/responses/${status}`);
        const content = response.node["content"];
        if (!isJsonObject(content)) continue;
        for (const [mediaType, media] of Object.entries(content)) {
          if (!isJsonObject(media)) continue;
          const mediaPointer = `${response.pointer}/content/${pointerSegment(mediaType)}`;
          const schema = media["schema"];
          const schemaPointer =
            isJsonObject(schema) && typeof schema["$ref"] === "string"
              ? schema["$ref"]
              : `${mediaPointer}/schema`;
          const typeExpression =
            `operations[${JSON.stringify(operationId)}]["responses"][${statusKey(status)}]` +
            `["content"][${JSON.stringify(mediaType)}]`;
          const named: [string, unknown, string][] = [];
          if (isJsonObject(media["examples"])) {
            for (const [name, exampleOrRef] of Object.entries(media["examples"])) {
              named.push([name, exampleOrRef, `${mediaPointer}/examples/${pointerSegment(name)}`]);
            }
          }
          if ("example" in media) {
            named.push(["example", { value: media["example"] }, `${mediaPointer}/example`]);
          }
          for (const [name, exampleOrRef, examplePointer] of named) {
            const example = followRefs(document, exampleOrRef, examplePointer);
            if ("externalValue" in example.node) {
              throw new Error(
                `contract-tests: ${example.pointer} uses externalValue; inline the example as "value" so it can be checked`,
              );
            }
            if (!("value" in example.node)) {
              throw new Error(`contract-tests: ${example.pointer} has no "value"`);
            }
            const summary = example.node["summary"];
            found.push({
              id: fileSafe(`${operationId}-${status}-${mediaType}-${name}`),
              operationId,
              method,
              path,
              status,
              mediaType,
              name,
              summary: typeof summary === "string" ? summary : undefined,
              value: example.node["value"],
              pointer: example.pointer,
              schemaPointer,
              typeExpression,
            });
          }
        }
      }
    }
  }
  return found;
}
