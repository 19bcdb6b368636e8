// The differential test: the compact path-parameter validator replaced ajv standalone code, and must report
// exactly what ajv reports for the same schemas, read from spec/openapi.yaml here independently of
// scripts/render-validators.mjs and compiled with the options the generator gives ajv for the job schema.
import { readFile } from "node:fs/promises";
import { inspect } from "node:util";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { specUrl } from "../scripts/render-types.mjs";
import { violationsOf, type CompiledValidator } from "../src/schema-violation.js";
import { pathParameterSchemas } from "../src/generated/path-parameter-schemas.js";
import {
  validatePathParameter,
  type PathParameterName,
  type PathParameterOperationId,
} from "../src/validate-path-parameter.js";

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  schema: object;
}

const spec = parse(await readFile(specUrl, "utf8"));
/** `[operationId, name, schema]` for every path parameter of every operation, read here from the spec. */
const pathSchemas: [string, string, object][] = [];
for (const pathItem of Object.values(spec.paths) as Record<
  string,
  { operationId: string; parameters?: Parameter[] }
>[]) {
  for (const operation of Object.values(pathItem)) {
    for (const parameter of operation.parameters ?? []) {
      const resolved: Parameter = parameter.$ref
        ? spec.components.parameters[parameter.$ref.replace("#/components/parameters/", "")]
        : parameter;
      if (resolved.in === "path") pathSchemas.push([operation.operationId, resolved.name, resolved.schema]);
    }
  }
}

const ajv = new Ajv({ strict: false, unicode: false, logger: false });
const names = [...new Set(pathSchemas.map(([, name]) => name))].sort() as PathParameterName[];

/** A small deterministic generator (mulberry32), so every run checks the same pseudo-random strings. */
function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  // Hex digits, the other cluster-name characters, and characters that must fail (path syntax, unicode).
  const alphabet = [..."0123456789abcdefABCDEFxyzXYZ-", "/", ".", "%", " ", "\n", "é", "😀", "\uD800"];
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 70);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  });
}

const hexId = "32b6e34b3d91647abb20e7b8";
const values: unknown[] = [
  hexId,
  hexId.slice(1),
  hexId + "0",
  hexId.toUpperCase(),
  "g".repeat(24),
  `../${hexId.slice(3)}`,
  "%2e%2e",
  ".",
  "..",
  "",
  "a",
  "-",
  "Cluster0",
  "Cluster0-prod",
  "-cluster",
  "cluster-",
  "a/b",
  "a b",
  `${hexId}\n`,
  "x".repeat(63),
  "x".repeat(64),
  "x".repeat(65),
  "x".repeat(200),
  "é".repeat(24),
  "😀".repeat(12),
  "😀".repeat(32),
  "😀".repeat(33),
  "Clüster",
  "\uD800",
  42,
  0,
  Number.NaN,
  null,
  undefined,
  true,
  {},
  [],
  [hexId],
  { toString: () => hexId },
  new String(hexId),
  Symbol("id"),
  10n,
  ...randomStrings(300, 20261128),
];

describe("validatePathParameter", () => {
  it("covers every path parameter of every operation in the spec", () => {
    const generated = Object.entries(pathParameterSchemas).flatMap(([id, parameters]) =>
      Object.keys(parameters).map((name) => `${id}.${name}`),
    );
    expect(generated.sort()).toEqual(pathSchemas.map(([id, name]) => `${id}.${name}`).sort());
    expect(names).toEqual(expect.arrayContaining(["clusterName", "exportId", "groupId"]));
  });

  describe.each(pathSchemas)("%s %s", (operationId, name, schema) => {
    const validate = ajv.compile(schema) as CompiledValidator;

    it("reports exactly what ajv reports for every value, valid or not", () => {
      for (const value of values) {
        expect(
          validatePathParameter(name as PathParameterName, value, operationId as PathParameterOperationId),
          `value ${inspect(value)}`,
        ).toStrictEqual(violationsOf(validate, value));
      }
    });

    it("without the operationId, accepts only what every operation with that name accepts", () => {
      const all = pathSchemas.filter(([, other]) => other === name).map(([, , s]) => ajv.compile(s));
      for (const value of values) {
        expect(
          validatePathParameter(name as PathParameterName, value).length === 0,
          `value ${inspect(value)}`,
        ).toBe(all.every((check) => check(value)));
      }
    });

    it("is checked against both valid and invalid values", () => {
      const verdicts = new Set(values.map((value) => validate(value)));
      expect(verdicts).toEqual(new Set([true, false]));
    });
  });

  it("reports ajv's keyword, params and message for each kind of violation", () => {
    expect(validatePathParameter("groupId", 42)).toStrictEqual([
      { pointer: "", keyword: "type", params: { type: "string" }, message: "must be string" },
    ]);
    expect(validatePathParameter("clusterName", "x".repeat(65))).toStrictEqual([
      {
        pointer: "",
        keyword: "maxLength",
        params: { limit: 64 },
        message: "must NOT have more than 64 characters",
      },
    ]);
    expect(validatePathParameter("groupId", "../admin")).toStrictEqual([
      {
        pointer: "",
        keyword: "minLength",
        params: { limit: 24 },
        message: "must NOT have fewer than 24 characters",
      },
    ]);
    expect(validatePathParameter("exportId", "%2e%2e")).toStrictEqual([
      {
        pointer: "",
        keyword: "pattern",
        params: { pattern: "^([a-f0-9]{24})$" },
        message: 'must match pattern "^([a-f0-9]{24})$"',
      },
    ]);
  });

  it("returns fresh violation objects, so a caller that changes one does not change the next", () => {
    const first = validatePathParameter("groupId", 42);
    first[0]!.params.type = "changed";
    expect(validatePathParameter("groupId", 42)[0]?.params).toEqual({ type: "string" });
  });
});
