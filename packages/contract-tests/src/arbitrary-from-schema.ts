import fc from "fast-check";
import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs } from "./resolve-ref.js";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
// Dates Atlas can plausibly send; ajv's full date-time format wants four-digit years.
const DATES = { min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z") };

/**
 * A fast-check arbitrary of values valid against one of the spec's schemas (OpenAPI 3.0 subset the
 * fragment uses: $ref, object/properties/required, array/items, string with enum/pattern/min/maxLength/
 * date-time, integer int32, boolean, nullable). Derived from the spec, so a new field or constraint is
 * exercised without touching the tests; an unsupported keyword throws instead of being ignored.
 */
export function arbitraryFromSchema(
  document: OpenApiDocument,
  schemaOrRef: unknown,
  pointer = "(schema)",
): fc.Arbitrary<unknown> {
  const { node: schema, pointer: at } = followRefs(document, schemaOrRef, pointer);
  const base = baseArbitrary(document, schema, at);
  return schema["nullable"] === true ? fc.option(base, { nil: null }) : base;
}

function baseArbitrary(document: OpenApiDocument, schema: JsonObject, at: string): fc.Arbitrary<unknown> {
  if (Array.isArray(schema["enum"])) return fc.constantFrom(...(schema["enum"] as unknown[]));
  switch (schema["type"]) {
    case "object": {
      const properties = isJsonObject(schema["properties"]) ? schema["properties"] : {};
      const required = Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [];
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          arbitraryFromSchema(document, property, `${at}/properties/${name}`),
        ]),
      );
      return fc.record(model, { requiredKeys: required });
    }
    case "array": {
      const items = isJsonObject(schema["items"]) ? schema["items"] : {};
      const item =
        Object.keys(items).length === 0
          ? fc.jsonValue()
          : arbitraryFromSchema(document, items, `${at}/items`);
      return fc.array(item, { maxLength: 3 });
    }
    case "string": {
      if (schema["format"] === "date-time") {
        return fc.date({ ...DATES, noInvalidDate: true }).map((date) => date.toISOString());
      }
      const minLength = typeof schema["minLength"] === "number" ? schema["minLength"] : 0;
      const maxLength = typeof schema["maxLength"] === "number" ? schema["maxLength"] : 40;
      if (typeof schema["pattern"] === "string") {
        const pattern = new RegExp(schema["pattern"]);
        return fc
          .stringMatching(pattern)
          .filter((value) => value.length >= minLength && value.length <= maxLength);
      }
      return fc.string({ minLength, maxLength });
    }
    case "integer":
      if (schema["format"] !== undefined && schema["format"] !== "int32") {
        throw new Error(
          `contract-tests: ${at}: integer format ${String(schema["format"])} has no arbitrary yet`,
        );
      }
      return fc.integer(INT32);
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`contract-tests: ${at}: type ${String(schema["type"])} has no arbitrary yet`);
  }
}
