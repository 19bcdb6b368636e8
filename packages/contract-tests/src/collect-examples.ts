import type { DocumentedExample } from "./documented-example.js";
import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs, pointerSegment } from "./resolve-ref.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, "_");
}

/** openapi-typescript keys numeric statuses as numbers and the rest ("default", "4XX") as strings. */
function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : JSON.stringify(status);
}

interface Media {
  mediaType: string;
  media: JsonObject;
  /** Where the media type object lives (after following the response's or request body's $ref). */
  pointer: string;
}

/** The media type objects of a response or request body. */
function mediaOf(node: JsonObject, pointer: string): Media[] {
  const content = node["content"];
  if (!isJsonObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, media]) =>
    isJsonObject(media)
      ? [{ mediaType, media, pointer: `${pointer}/content/${pointerSegment(mediaType)}` }]
      : [],
  );
}

type Where = Pick<
  DocumentedExample,
  "operationId" | "method" | "path" | "kind" | "status" | "typeExpression"
>;

/** The named `examples` and the single `example` of one media type object. */
function examplesOf(
  document: OpenApiDocument,
  where: Where,
  { mediaType, media, pointer }: Media,
): DocumentedExample[] {
  const schema = media["schema"];
  const schemaPointer =
    isJsonObject(schema) && typeof schema["$ref"] === "string" ? schema["$ref"] : `${pointer}/schema`;
  const named: [string, unknown, string][] = [];
  if (isJsonObject(media["examples"])) {
    for (const [name, exampleOrRef] of Object.entries(media["examples"])) {
      named.push([name, exampleOrRef, `${pointer}/examples/${pointerSegment(name)}`]);
    }
  }
  if ("example" in media) named.push(["example", { value: media["example"] }, `${pointer}/example`]);
  return named.map(([name, exampleOrRef, examplePointer]) => {
    const example = followRefs(document, exampleOrRef, examplePointer);
    const at = `operation ${where.operationId}: ${example.pointer}`;
    if ("externalValue" in example.node) {
      throw new Error(
        `contract-tests: ${at} uses externalValue; inline the example as "value" so it can be checked`,
      );
    }
    if (!("value" in example.node)) throw new Error(`contract-tests: ${at} has no "value"`);
    const summary = example.node["summary"];
    return {
      ...where,
      id: fileSafe(`${where.operationId}-${where.status}-${mediaType}-${name}`),
      mediaType,
      name,
      summary: typeof summary === "string" ? summary : undefined,
      value: example.node["value"],
      pointer: example.pointer,
      schemaPointer,
    };
  });
}

/**
 * Every example of every operation — request bodies and responses — following `$ref`s to
 * components/responses, components/requestBodies and components/examples, so an example added to the
 * spec is checked without touching the tests.
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
      const operationPointer = `#/paths/${pointerSegment(path)}/${method}`;
      const where = { operationId, method, path };
      if (operation["requestBody"] !== undefined) {
        const body = followRefs(document, operation["requestBody"], `${operationPointer}/requestBody`);
        for (const media of mediaOf(body.node, body.pointer)) {
          const typeExpression =
            `NonNullable<operations[${JSON.stringify(operationId)}]["requestBody"]>` +
            `["content"][${JSON.stringify(media.mediaType)}]`;
          found.push(
            ...examplesOf(document, { ...where, kind: "request", status: "request", typeExpression }, media),
          );
        }
      }
      const responses = operation["responses"];
      if (!isJsonObject(responses)) continue;
      for (const [status, responseOrRef] of Object.entries(responses)) {
        const response = followRefs(document, responseOrRef, `${operationPointer}/responses/${status}`);
        for (const media of mediaOf(response.node, response.pointer)) {
          const typeExpression =
            `operations[${JSON.stringify(operationId)}]["responses"][${statusKey(status)}]` +
            `["content"][${JSON.stringify(media.mediaType)}]`;
          found.push(...examplesOf(document, { ...where, kind: "response", status, typeExpression }, media));
        }
      }
    }
  }
  return found;
}
