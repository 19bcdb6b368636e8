import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
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

interface Conversion {
  document: OpenApiDocument;
  closed: boolean;
  /** Prefix of rewritten $refs: "" inside the definitions container, the container's $id from outside. */
  base: string;
  /** Components some `allOf` lists by $ref: a part of a bigger object, never closed on its own. */
  allOfParts: ReadonlySet<string>;
}

/** Every property name an object schema declares, through $refs and `allOf` parts. */
function propertyNames(document: OpenApiDocument, node: unknown, seen = new Set<unknown>()): string[] {
  let schema = node;
  while (isJsonObject(schema) && typeof schema["$ref"] === "string")
    schema = lookUpPointer(document, schema["$ref"]);
  if (!isJsonObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const own = isJsonObject(schema["properties"]) ? Object.keys(schema["properties"]) : [];
  const parts = Array.isArray(schema["allOf"]) ? schema["allOf"] : [];
  return [...own, ...parts.flatMap((part) => propertyNames(document, part, seen))];
}

/**
 * A copy of a schema that JSON Schema can hold: `#/components/schemas/X` refs point at `#/definitions/X`
 * (the container ajv compiles has no OpenAPI keywords); a `oneOf` with a discriminator mapping selects
 * its branch by the discriminating property, as OpenAPI 3.0 §4.7.25 says (each branch also requires its
 * mapping's values), so branches that only differ in that property do not all match; and, when
 * `closed`, objects that list `properties` get `additionalProperties: false` — an `allOf` as a whole,
 * with every property of its parts, its parts left open.
 */
function toJsonSchema(node: unknown, conversion: Conversion, allOfPart = false): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, conversion));
  if (!isJsonObject(node)) return node;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === "allOf" && Array.isArray(value)
        ? value.map((part) => toJsonSchema(part, conversion, true))
        : toJsonSchema(value, conversion);
  }
  const ref = copy["$ref"];
  if (typeof ref === "string" && ref.startsWith(componentRef)) {
    copy["$ref"] = `${conversion.base}#/definitions/${ref.slice(componentRef.length)}`;
  }
  const discriminator = node["discriminator"];
  if (Array.isArray(node["oneOf"]) && isJsonObject(discriminator) && isJsonObject(discriminator["mapping"])) {
    const property = String(discriminator["propertyName"]);
    const mapping = Object.entries(discriminator["mapping"]);
    copy["oneOf"] = node["oneOf"].map((branch, i) => {
      const values = mapping
        .filter(([, target]) => isJsonObject(branch) && branch["$ref"] === target)
        .map(([v]) => v);
      const converted = (copy["oneOf"] as unknown[])[i];
      return values.length === 0
        ? converted
        : {
            allOf: [
              converted,
              { type: "object", properties: { [property]: { enum: values } }, required: [property] },
            ],
          };
    });
  }
  if (conversion.closed && !allOfPart && !("additionalProperties" in copy)) {
    if (Array.isArray(node["allOf"])) {
      const names = propertyNames(conversion.document, node);
      copy["properties"] = {
        ...Object.fromEntries(names.map((name) => [name, {}])),
        ...(isJsonObject(copy["properties"]) ? copy["properties"] : {}),
      };
      copy["additionalProperties"] = false;
    } else if (isJsonObject(copy["properties"])) {
      copy["additionalProperties"] = false;
    }
  }
  return copy;
}

/** The component names some `allOf` lists by $ref. */
function allOfPartsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) allOfPartsOf(item, found);
  else if (isJsonObject(node)) {
    if (Array.isArray(node["allOf"])) {
      for (const part of node["allOf"]) {
        if (isJsonObject(part) && typeof part["$ref"] === "string" && part["$ref"].startsWith(componentRef)) {
          found.add(part["$ref"].slice(componentRef.length));
        }
      }
    }
    for (const value of Object.values(node)) allOfPartsOf(value, found);
  }
  return found;
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
 * - `format: date-time` (RFC 3339 §5.6, calendar-checked) and `uuid` come from ajv-formats; `int64` is
 *   a safe integer; `int32` is declared here
 *   (OpenAPI 3.0 §4.7.4 "signed 32 bits": an integer in [-2^31, 2^31-1]), not left to a library default;
 * - `readOnly`, `deprecated` are draft-07 annotations; `example` and `externalDocs` are declared as
 *   annotation-only keywords so strict mode stays on and still rejects any typo'd keyword.
 */
export function createSpecAjv(document: OpenApiDocument, options: SpecAjvOptions = {}) {
  // strictRequired off: an `allOf` container may require properties its parts declare (upstream's bucket
  // subtypes do); every other strict check stays on.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  addFormats.default(ajv, { mode: "full", formats: ["date-time", "uuid"] });
  ajv.addFormat("int32", {
    type: "number",
    validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1,
  });
  // int64 (OpenAPI 3.0 §4.7.4 "signed 64 bits"): any integer a JSON number can hold exactly; sizes in bytes.
  ajv.addFormat("int64", { type: "number", validate: (value: number) => Number.isSafeInteger(value) });
  // OpenAPI's `x-` extensions (e.g. x-atlas-export-alias) are annotations too; any other unknown keyword
  // still fails strict mode.
  // `discriminator` too: ajv's own support refuses OpenAPI's `mapping`; toJsonSchema gives it its meaning.
  ajv.addVocabulary([
    "example",
    "externalDocs",
    "xml",
    "discriminator",
    ...extensionKeywords(document.components),
  ]);
  // Only components/schemas: paths and responses are OpenAPI, not JSON Schema.
  const components = isJsonObject(document.components) ? document.components : {};
  const schemas = isJsonObject(components["schemas"]) ? components["schemas"] : {};
  const conversion: Conversion = {
    document,
    closed: options.closed ?? false,
    base: "",
    allOfParts: allOfPartsOf(schemas),
  };
  const definitions = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      toJsonSchema(schema, conversion, conversion.allOfParts.has(name)),
    ]),
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
        const schema = toJsonSchema(lookUpPointer(document, schemaPointer), { ...conversion, base: specId });
        validate = ajv.compile(schema as object);
        inline.set(schemaPointer, validate);
      }
      return validate;
    },
  };
}
