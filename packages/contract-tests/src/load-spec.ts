import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";
import { specPath } from "./spec-path.js";

/** Reads and parses the OpenAPI fragment, failing with the file name when it is not an OpenAPI 3.0 document. */
export async function loadSpec(path: string = specPath()): Promise<OpenApiDocument> {
  const document: unknown = parse(await readFile(path, "utf8"));
  if (
    !isJsonObject(document) ||
    typeof document["openapi"] !== "string" ||
    !document["openapi"].startsWith("3.0.") ||
    !isJsonObject(document["paths"])
  ) {
    throw new Error(
      `contract-tests: ${path} is not an OpenAPI 3.0.x document (need "openapi: 3.0.x" and "paths")`,
    );
  }
  return document as OpenApiDocument;
}
