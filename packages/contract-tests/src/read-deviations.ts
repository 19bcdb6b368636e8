import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";

export interface Deviation {
  location: string;
  /** For `operations.<operationId>.…` locations, the operation; undefined for components. */
  operationId: string | undefined;
  kind: string;
  why: string;
}

const OPERATION_LOCATION = /^operations\.([^.]+)\./;

/** Every operationId of the document's paths. */
function operationIds(document: OpenApiDocument): Set<string> {
  const ids = new Set<string>();
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      if (isJsonObject(operation) && typeof operation["operationId"] === "string")
        ids.add(operation["operationId"]);
    }
  }
  return ids;
}

/**
 * The deliberate differences from upstream the fragment records in `x-atlas-export-deviations`. An
 * operation's nodes are `operations.<operationId>.<node>`; a location naming an operation the spec does not
 * have is refused (the deviation would document nothing).
 */
export function readDeviations(document: OpenApiDocument): Deviation[] {
  const list = document["x-atlas-export-deviations"];
  if (!Array.isArray(list)) return [];
  const known = operationIds(document);
  return list.filter(isJsonObject).map((entry, index) => {
    const location = String(entry["location"]);
    const operationId = OPERATION_LOCATION.exec(location)?.[1];
    if (operationId !== undefined && !known.has(operationId)) {
      throw new Error(
        `contract-tests: #/x-atlas-export-deviations/${index}: location ${location} names operation ` +
          `${operationId}, which the spec does not have`,
      );
    }
    return {
      location,
      operationId,
      kind: String(entry["kind"]),
      why: typeof entry["why"] === "string" ? entry["why"].trim() : "",
    };
  });
}
