// Renders the validators of src/generated/: ajv standalone code for every aliased component schema and
// every operation's 2xx body (compiled-validators.ts), typed wrappers around it (schema-validators.ts), and
// the schema of every path parameter of every operation as a small data table (path-parameter-schemas.ts).
// Precompiling means nobody needs ajv (or its code generation) at runtime.
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { SpecError } from "./read-operations.mjs";
import { readSchemaAliases } from "./render-aliases.mjs";
import { generatedHeader } from "./generated-header.mjs";

const SPEC_ID = "https://atlas-export.invalid/spec/openapi.json";

/** `[{ file, code }]` for the three validator files, from the parsed spec and its operations. */
export function renderValidators(spec, operations) {
  return [
    { file: "compiled-validators.ts", code: renderCompiledValidators(spec, operations) },
    { file: "schema-validators.ts", code: renderSchemaValidators(spec, operations) },
    { file: "path-parameter-schemas.ts", code: renderPathParameterSchemas(spec, operations) },
  ];
}

/** The operations that answer with a body (every one but the 204s). */
function withResultBody(operations) {
  return operations.filter((operation) => operation.success.schema !== undefined);
}

/** The operations that take a request body. */
function withRequestBody(operations) {
  return operations.filter((operation) => operation.requestBody !== null);
}

function renderCompiledValidators(spec, operations) {
  // OpenAPI 3.0 schema objects are JSON Schema plus a few keywords ajv only needs to tolerate (strict off;
  // `discriminator` is then an annotation and oneOf is checked as written). `unicode: false` counts string
  // length with .length, so the code needs no ajv runtime helper (every length-limited field is ASCII: hex
  // ids, cluster and bucket names).
  // `inlineRefs: false` compiles each referenced component once and shares it, instead of inlining a copy
  // into every schema that reaches it (the job would be compiled into the page and each operation).
  const ajv = new Ajv({
    code: { source: true, esm: true },
    strict: false,
    unicode: false,
    logger: false,
    inlineRefs: false,
  });
  // Formats are inlined so the generated code imports nothing (ajv-formats would be a runtime dependency).
  // date-time is RFC 3339 §5.6 with each field in its range (month 01-12, day 01-31, hour 00-23, …; the
  // days of each month are not checked). int32 becomes the equivalent minimum/maximum keywords below.
  ajv.addFormat(
    "date-time",
    /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i,
  );
  // uuid as ajv-formats checks it (RFC 4122 text form, optionally urn:uuid:), so the contract tests' ajv
  // and these validators agree (Azure buckets' tenantId).
  ajv.addFormat("uuid", /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i);
  ajv.addFormat("int32", true);
  // int64: any JSON number JavaScript holds; the spec uses it for sizes in bytes.
  ajv.addFormat("int64", true);
  // Each operation's 2xx schema sits in the container beside the components, so an inline schema's
  // `#/components/schemas/...` refs resolve exactly as in the spec.
  const results = Object.fromEntries(
    withResultBody(operations).map((operation) => [operation.operationId, operation.success.schema]),
  );
  const requestBodies = Object.fromEntries(
    withRequestBody(operations).map((operation) => [operation.operationId, operation.requestBody.schema]),
  );
  ajv.addSchema({
    $id: SPEC_ID,
    components: { schemas: forAjv(spec.components?.schemas ?? {}, "map") },
    results: forAjv(results, "map"),
    requestBodies: forAjv(requestBodies, "map"),
  });
  const exports = {};
  for (const { alias, schemaName } of readSchemaAliases(spec)) {
    exports[alias] = `${SPEC_ID}#/components/schemas/${schemaName}`;
  }
  for (const operationId of Object.keys(results)) exports[operationId] = `${SPEC_ID}#/results/${operationId}`;
  for (const operationId of Object.keys(requestBodies)) {
    exports[`${operationId}Body`] = `${SPEC_ID}#/requestBodies/${operationId}`;
  }
  let code;
  try {
    code = standaloneCode(ajv, exports);
  } catch (error) {
    throw new SpecError(`ajv cannot compile the spec's schemas: ${error.message}`);
  }
  return [
    generatedHeader(
      "ajv (standalone code) via scripts/render-validators.mjs",
      "precompiled schema validators",
    ),
    "// @ts-nocheck -- ajv emits untyped JavaScript; schema-validators.ts gives it types.",
    code,
    "",
  ].join("\n");
}

function renderSchemaValidators(spec, operations) {
  const lines = [
    generatedHeader(
      "scripts/render-validators.mjs",
      "typed validators for the aliased schemas, each 2xx body and each request body",
    ),
    'import * as compiled from "./compiled-validators.js";',
    'import { violationsOf, type CompiledValidator, type SchemaViolation } from "../schema-violation.js";',
  ];
  for (const { alias, schemaName } of readSchemaAliases(spec)) {
    lines.push(
      "",
      `/** Checks a value against the spec's \`${schemaName}\` schema (\`${alias}\`); \`[]\` when valid. */`,
      `export function validate${alias}(value: unknown): SchemaViolation[] {`,
      `  return violationsOf(compiled.${alias} as CompiledValidator, value);`,
      "}",
    );
  }
  lines.push(
    "",
    "/** The compiled validator of each operation's 2xx body, by operationId (204 operations have none). */",
  );
  lines.push("export const resultValidators = {");
  for (const { operationId } of withResultBody(operations)) {
    lines.push(`  ${operationId}: compiled.${operationId} as CompiledValidator,`);
  }
  lines.push("} as const;", "");
  lines.push("/** The compiled validator of each operation's request body, by operationId. */");
  lines.push("export const requestBodyValidators = {");
  for (const { operationId } of withRequestBody(operations)) {
    lines.push(`  ${operationId}: compiled.${operationId}Body as CompiledValidator,`);
  }
  lines.push("} as const;", "");
  return lines.join("\n");
}

// The keywords src/compile-string-schema.ts checks, in the order ajv checks them (and so reports the first
// violation): type, then maxLength, minLength, pattern.
const CHECKED_KEYWORDS = ["type", "maxLength", "minLength", "pattern"];
// Keywords that only describe a value (ajv ignores them as well).
const ANNOTATION_KEYWORDS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "deprecated",
  "$comment",
]);

/**
 * The generated `src/generated/path-parameter-schemas.ts` for a parsed spec: each operation's path
 * parameters by name, each holding only the keywords the compact validator checks (one constant per
 * distinct schema, shared by the operations that use it). Throws on any other keyword, so a constraint
 * added to the spec can never go silently unchecked.
 */
export function renderPathParameterSchemas(spec, operations) {
  const constants = new Map(); // JSON of the checked part -> constant name
  const perOperation = operations.map((operation) => {
    const fields = operation.pathParameters.map(({ name, schema, pointer }) => {
      const checked = JSON.stringify(checkedPart(operation.operationId, name, pointer, schema));
      if (!constants.has(checked)) constants.set(checked, `schema${constants.size}`);
      return `${name}: ${constants.get(checked)}`;
    });
    return `  ${operation.operationId}: { ${fields.join(", ")} },`;
  });
  return [
    generatedHeader(
      "scripts/render-validators.mjs",
      "the schema of each path parameter of every operation, as data (src/compile-string-schema.ts checks values against it)",
    ),
    ...[...constants].map(([checked, constant]) => `const ${constant} = ${checked} as const;`),
    "",
    "export const pathParameterSchemas = {",
    ...perOperation,
    "} as const;",
    "",
  ].join("\n");
}

/** `schema`'s checked keywords in ajv's order, after making sure it has no keyword that would go unchecked. */
function checkedPart(operationId, name, pointer, schema) {
  const refuse = (what) => {
    throw new SpecError(
      `operation ${operationId}: ${pointer}: path parameter ${name}: ${what}. The path-parameter validator ` +
        `checks only type: string, minLength, maxLength and pattern; implement the keyword in ` +
        `packages/types/src/compile-string-schema.ts and scripts/render-validators.mjs, or change the spec.`,
    );
  };
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) refuse("has no schema object");
  for (const keyword of Object.keys(schema)) {
    if (!CHECKED_KEYWORDS.includes(keyword) && !ANNOTATION_KEYWORDS.has(keyword)) {
      refuse(`unsupported schema keyword "${keyword}"`);
    }
  }
  if (schema.type !== "string") refuse(`type must be "string", not ${JSON.stringify(schema.type)}`);
  for (const keyword of ["minLength", "maxLength"]) {
    const limit = schema[keyword];
    if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
      refuse(`${keyword} must be a non-negative integer, not ${JSON.stringify(limit)}`);
    }
  }
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== "string") refuse(`pattern must be a string`);
    try {
      new RegExp(schema.pattern, "u"); // as ajv compiles it
    } catch (error) {
      refuse(
        `pattern ${JSON.stringify(schema.pattern)} is not a valid regular expression (${error.message})`,
      );
    }
  }
  return Object.fromEntries(
    CHECKED_KEYWORDS.filter((keyword) => schema[keyword] !== undefined).map((keyword) => [
      keyword,
      schema[keyword],
    ]),
  );
}

// Keywords that only document a schema: ajv would embed them in the generated code for nothing.
const DOCUMENTATION_KEYWORDS = new Set([
  "description",
  "example",
  "examples",
  "externalDocs",
  "title",
  "xml",
]);
// Keywords whose value is a map of name -> schema, or a list of schemas, or one schema.
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMAS = new Set(["items", "additionalProperties", "not"]);

/**
 * A copy of a schema (`kind` "schema") or of a map of schemas ("map") for ajv: documentation keywords and
 * `x-` extensions dropped (only where they are keywords: a property may be named "description"), and every
 * `format: int32` integer given the int32 minimum and maximum.
 */
function forAjv(node, kind = "schema") {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
  if (kind === "map")
    return Object.fromEntries(Object.entries(node).map(([name, schema]) => [name, forAjv(schema)]));
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOCUMENTATION_KEYWORDS.has(key) || key.startsWith("x-")) continue;
    if (SCHEMA_MAPS.has(key)) copy[key] = forAjv(value, "map");
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) copy[key] = value.map((item) => forAjv(item));
    else if (SCHEMAS.has(key)) copy[key] = forAjv(value);
    else copy[key] = value;
  }
  if (copy.type === "integer" && copy.format === "int32") {
    copy.minimum ??= -(2 ** 31);
    copy.maximum ??= 2 ** 31 - 1;
  }
  return copy;
}
