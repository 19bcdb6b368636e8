import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isJsonObject, type OpenApiDocument } from "./openapi-document.js";

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
function toJsonSchema(node: unknown, closed: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, closed));
  if (!isJsonObject(node)) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, toJsonSchema(value, closed)]),
  );
  const ref = copy["$ref"];
  if (typeof ref === "string" && ref.startsWith(componentRef)) {
    copy["$ref"] = `#/definitions/${ref.slice(componentRef.length)}`;
  }
  if (closed && isJsonObject(copy["properties"]) && !("additionalProperties" in copy)) {
    copy["additionalProperties"] = false;
  }
  return copy;
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
  ajv.addVocabulary(["example", "externalDocs", "xml"]);
  // Only components/schemas: paths and responses are OpenAPI, not JSON Schema.
  const components = isJsonObject(document.components) ? document.components : {};
  const schemas = isJsonObject(components["schemas"]) ? components["schemas"] : {};
  const definitions = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema, options.closed ?? false)]),
  );
  ajv.addSchema({ $id: specId, definitions });

  return {
    ajv,
    /** The validator for a `#/components/schemas/...` pointer of the spec. */
    validatorFor(schemaPointer: string): ValidateFunction {
      if (!schemaPointer.startsWith(componentRef)) {
        throw new Error(
          `contract-tests: only component schemas are validated; ${schemaPointer} should be a $ref to one`,
        );
      }
      const validate = ajv.getSchema(`${specId}#/definitions/${schemaPointer.slice(componentRef.length)}`);
      if (!validate) throw new Error(`contract-tests: no schema at ${schemaPointer}`);
      return validate;
    },
  };
}
