import fc from "fast-check";
import { isJsonObject, type JsonObject, type OpenApiDocument } from "./openapi-document.js";
import { followRefs } from "./resolve-ref.js";

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const INT64 = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
// Dates Atlas can plausibly send; ajv's full date-time format wants four-digit years.
const DATES = { min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z") };

/**
 * A fast-check arbitrary of values valid against one of the spec's schemas (the OpenAPI 3.0 subset the
 * fragment uses: $ref, object/properties/required, allOf, oneOf/anyOf with a discriminator mapping,
 * array/items, string with enum/pattern/min/maxLength/date-time/uuid, integer int32/int64 with
 * minimum/maximum, number, boolean, nullable). Derived from the spec, so a new field or constraint is
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

/** An `allOf`'s parts merged into one object schema: every part's properties and required names. */
function mergeAllOf(document: OpenApiDocument, schema: JsonObject, at: string): JsonObject {
  const properties: JsonObject = {};
  const required = new Set<string>();
  const add = (part: JsonObject, partAt: string) => {
    if (Array.isArray(part["allOf"])) {
      part["allOf"].forEach((inner, i) => {
        const resolved = followRefs(document, inner, `${partAt}/allOf/${i}`);
        add(resolved.node, resolved.pointer);
      });
    }
    if (isJsonObject(part["properties"])) Object.assign(properties, part["properties"]);
    if (Array.isArray(part["required"])) for (const name of part["required"]) required.add(String(name));
  };
  add(schema, at);
  return { type: "object", properties, required: [...required] };
}

function baseArbitrary(document: OpenApiDocument, schema: JsonObject, at: string): fc.Arbitrary<unknown> {
  if (Array.isArray(schema["enum"])) return fc.constantFrom(...(schema["enum"] as unknown[]));
  const branches = schema["oneOf"] ?? schema["anyOf"];
  if (Array.isArray(branches)) {
    // With a discriminator mapping, each branch carries its mapping value (OpenAPI 3.0 §4.7.25).
    const discriminator = isJsonObject(schema["discriminator"]) ? schema["discriminator"] : {};
    const mapping = isJsonObject(discriminator["mapping"]) ? Object.entries(discriminator["mapping"]) : [];
    const property = String(discriminator["propertyName"]);
    return fc.oneof(
      ...branches.map((branch, i) => {
        const arbitrary = arbitraryFromSchema(document, branch, `${at}/oneOf/${i}`);
        const values = mapping.filter(([, target]) => isJsonObject(branch) && branch["$ref"] === target);
        if (values.length === 0) return arbitrary;
        return fc
          .tuple(arbitrary, fc.constantFrom(...values.map(([value]) => value)))
          .map(([value, tag]) => (isJsonObject(value) ? { ...value, [property]: tag } : value));
      }),
    );
  }
  if (Array.isArray(schema["allOf"])) return baseArbitrary(document, mergeAllOf(document, schema, at), at);
  const type = schema["type"] ?? (isJsonObject(schema["properties"]) ? "object" : undefined);
  switch (type) {
    case "object": {
      const properties = isJsonObject(schema["properties"]) ? schema["properties"] : {};
      const required = Array.isArray(schema["required"]) ? (schema["required"] as string[]) : [];
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [
          name,
          arbitraryFromSchema(document, property, `${at}/properties/${name}`),
        ]),
      );
      return fc.record(model, { requiredKeys: required.filter((name) => name in model) });
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
      if (schema["format"] === "uuid") return fc.uuid();
      if (schema["format"] !== undefined) {
        throw new Error(
          `contract-tests: ${at}: string format ${String(schema["format"])} has no arbitrary yet`,
        );
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
    case "integer": {
      const range =
        schema["format"] === "int64"
          ? INT64
          : schema["format"] === undefined || schema["format"] === "int32"
            ? INT32
            : undefined;
      if (!range) {
        throw new Error(
          `contract-tests: ${at}: integer format ${String(schema["format"])} has no arbitrary yet`,
        );
      }
      return fc.integer({
        min: typeof schema["minimum"] === "number" ? Math.max(range.min, schema["minimum"]) : range.min,
        max: typeof schema["maximum"] === "number" ? Math.min(range.max, schema["maximum"]) : range.max,
      });
    }
    case "number":
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        ...(typeof schema["minimum"] === "number" ? { min: schema["minimum"] } : {}),
        ...(typeof schema["maximum"] === "number" ? { max: schema["maximum"] } : {}),
      });
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`contract-tests: ${at}: type ${String(schema["type"])} has no arbitrary yet`);
  }
}
