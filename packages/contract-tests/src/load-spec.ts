import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { BadSpecError } from "./bad-spec-error.js";
import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";
import { readOperations, SpecError } from "./read-spec-operations.js";
import { specPath } from "./spec-path.js";

/**
 * Reads and parses the OpenAPI fragment and checks its structure as `pnpm generate` does. Anything that
 * stops the checks before they start is a BadSpecError whose one-line message names the file (and, for a
 * structural problem, the operation and the node).
 */
export async function loadSpec(path: string = specPath()): Promise<OpenApiDocument> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new BadSpecError(
      `contract-tests: cannot read the spec ${path} (${code}); point ATLAS_EXPORT_SPEC at an existing file or unset it`,
    );
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new BadSpecError(
      `contract-tests: ${path} is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (
    !isJsonObject(document) ||
    typeof document["openapi"] !== "string" ||
    !document["openapi"].startsWith("3.0.") ||
    !isJsonObject(document["paths"])
  ) {
    throw new BadSpecError(
      `contract-tests: ${path} is not an OpenAPI 3.0.x document (need "openapi: 3.0.x" and "paths")`,
    );
  }
  try {
    readOperations(document);
  } catch (error) {
    if (error instanceof SpecError) throw new BadSpecError(`contract-tests: ${path}: ${error.message}`);
    throw error;
  }
  return document as OpenApiDocument;
}
