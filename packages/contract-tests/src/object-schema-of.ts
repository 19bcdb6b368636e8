import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs, lookUpPointer } from "./resolve-ref.js";

export interface ObjectSchema {
  /** The declared properties, each resolved through its $refs. */
  properties: Record<string, JsonObject>;
  required: string[];
}

/**
 * The object shape a value of the schema at `schemaPointer` has: `allOf` parts merged, and for a `oneOf`
 * or `anyOf` the branch the value belongs to (the one whose discriminating enum or properties it fits).
 * Enough to derive mutations of an example from its schema; not a validator.
 */
export function objectSchemaOf(
  document: OpenApiDocument,
  schemaPointer: string,
  value: unknown,
): ObjectSchema {
  return shapeOf(document, lookUpPointer(document, schemaPointer), value, schemaPointer);
}

function shapeOf(document: OpenApiDocument, node: unknown, value: unknown, at: string): ObjectSchema {
  const { node: schema, pointer } = followRefs(document, node, at);
  const shape: ObjectSchema = { properties: {}, required: [] };
  const merge = (part: ObjectSchema) => {
    Object.assign(shape.properties, part.properties);
    shape.required.push(...part.required.filter((name) => !shape.required.includes(name)));
  };
  if (Array.isArray(schema["allOf"])) {
    schema["allOf"].forEach((part, i) => merge(shapeOf(document, part, value, `${pointer}/allOf/${i}`)));
  }
  const branches = schema["oneOf"] ?? schema["anyOf"];
  if (Array.isArray(branches)) {
    const shapes = branches.map((branch, i) => shapeOf(document, branch, value, `${pointer}/oneOf/${i}`));
    const fits = shapes.find((candidate) => fitsShape(candidate, value)) ?? shapes[0];
    if (fits) merge(fits);
  }
  if (isJsonObject(schema["properties"])) {
    for (const [name, property] of Object.entries(schema["properties"])) {
      shape.properties[name] = followRefs(document, property, `${pointer}/properties/${name}`).node;
    }
  }
  if (Array.isArray(schema["required"])) merge({ properties: {}, required: schema["required"] as string[] });
  return shape;
}

/** Whether every field of `value` is declared and every enum-typed field holds one of its values. */
function fitsShape(shape: ObjectSchema, value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  return Object.entries(value).every(([name, field]) => {
    const property = shape.properties[name];
    if (!property) return false;
    return !Array.isArray(property["enum"]) || property["enum"].includes(field);
  });
}
