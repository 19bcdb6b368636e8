import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";
import { lookUpPointer } from "./resolve-ref.js";

const specId = "urn:atlas-export:spec";

export interface SpecAjvOptions {
  /**
   * Close every object schema that lists `properties` (add `additionalProperties: false`), so an example
   * that documents a field the schema does not declare fails. OpenAPI schemas are open on purpose (the
   * service may add fields); examples in our own spec must not invent any.
   */
  closed?: boolean;
}

const componentRef = "#/components/schemas/";

/**
 * A copy of the component schemas that JSON Schema can hold: `#/components/schemas/X` refs point at
 * `#/definitions/X` (the container ajv compiles has no OpenAPI keywords), and, when `closed`, objects
 * that list `properties` get `additionalProperties: false`.
 */
function toJsonSchema(node: unknown, closed: boolean, base = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, closed, base));
  if (!isJsonObject(node)) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, toJsonSchema(value, closed, base)]),
  );
  const ref = copy["$ref"];
  if (typeof ref === "string" && ref.startsWith(componentRef)) {
    copy["$ref"] = `${base}#/definitions/${ref.slice(componentRef.length)}`;
  }
  if (closed && isJsonObject(copy["properties"]) && !("additionalProperties" in copy)) {
    copy["additionalProperties"] = false;
  }
  return copy;
}

/** Every `x-` key used anywhere below `node`. */
function extensionKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeywords(item, found);
  else if (isJsonObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeywords(value, found);
    }
  }
  return found;
}

/**
 * An ajv 8 instance that reads the fragment's schemas with OpenAPI 3.0 semantics:
 * - `nullable: true` is ajv's own OpenAPI keyword (it needs a `type` beside it, which the fragment has);
 * - `format: date-time` (RFC 3339 §5.6, calendar-checked) comes from ajv-formats; `int32` is declared here
 *   (OpenAPI 3.0 §4.7.4 "signed 32 bits": an integer in [-2^31, 2^31-1]), not left to a library default;
 * - `readOnly`, `deprecated` are draft-07 annotations; `example` and `externalDocs` are declared as
 *   annotation-only keywords so strict mode stays on and still rejects any typo'd keyword.
 */
export function createSpecAjv(document: OpenApiDocument, options: SpecAjvOptions = {}) {
  const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true });
  addFormats.default(ajv, { mode: "full", formats: ["date-time"] });
  ajv.addFormat("int32", {
    type: "number",
    validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1,
  });
  // OpenAPI's `x-` extensions (e.g. x-atlas-export-alias) are annotations too; any other unknown keyword
  // still fails strict mode.
  ajv.addVocabulary(["example", "externalDocs", "xml", ...extensionKeywords(document.components)]);
  // Only components/schemas: paths and responses are OpenAPI, not JSON Schema.
  const components = isJsonObject(document.components) ? document.components : {};
  const schemas = isJsonObject(components["schemas"]) ? components["schemas"] : {};
  const definitions = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema, options.closed ?? false)]),
  );
  ajv.addSchema({ $id: specId, definitions });

  const inline = new Map<string, ValidateFunction>();

  return {
    ajv,
    /**
     * The validator for a schema of the spec: a `#/components/schemas/...` pointer, or the pointer of a
     * schema written inline (a request body's, say), compiled once with its $refs into the components.
     */
    validatorFor(schemaPointer: string): ValidateFunction {
      if (schemaPointer.startsWith(componentRef)) {
        const validate = ajv.getSchema(`${specId}#/definitions/${schemaPointer.slice(componentRef.length)}`);
        if (!validate) throw new Error(`contract-tests: no schema at ${schemaPointer}`);
        return validate;
      }
      let validate = inline.get(schemaPointer);
      if (!validate) {
        const schema = toJsonSchema(lookUpPointer(document, schemaPointer), options.closed ?? false, specId);
        validate = ajv.compile(schema as object);
        inline.set(schemaPointer, validate);
      }
      return validate;
    },
  };
}
