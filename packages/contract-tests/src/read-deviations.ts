import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";

export interface Deviation {
  location: string;
  kind: string;
  why: string;
}

/** The deliberate differences from upstream the fragment records in `x-atlas-export-deviations`. */
export function readDeviations(document: OpenApiDocument): Deviation[] {
  const list = document["x-atlas-export-deviations"];
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).map((entry) => ({
    location: String(entry["location"]),
    kind: String(entry["kind"]),
    why: typeof entry["why"] === "string" ? entry["why"].trim() : "",
  }));
}
