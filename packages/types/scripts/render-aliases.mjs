// Renders src/generated/aliases.ts: friendly names for the openapi-typescript output, all derived from the
// spec. Component schemas get the name their `x-atlas-export-alias` gives them; every operation gets
// `<OperationId>Params` (path), `<OperationId>Query` (query, when it has any), `<OperationId>Body` (when it
// takes a body) and `<OperationId>Result` (its 2xx body; `void` for a 204), plus one `OperationTypes` map
// keyed by operationId, so code generic over operations needs no per-operation line.
import { SpecError, followRefs, typeNamePrefix } from "./read-operations.mjs";
import { generatedHeader } from "./generated-header.mjs";

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const SCHEMA_REF = "#/components/schemas/";

/** `{ alias, schemaName, description }` for every component schema with an `x-atlas-export-alias`. */
export function readSchemaAliases(spec) {
  const schemas = spec.components?.schemas ?? {};
  const aliases = [];
  for (const [schemaName, schema] of Object.entries(schemas)) {
    const alias = schema?.["x-atlas-export-alias"];
    if (alias === undefined) continue;
    const at = `#/components/schemas/${schemaName}/x-atlas-export-alias`;
    if (typeof alias !== "string" || !TYPE_NAME.test(alias)) {
      throw new SpecError(`${at}: ${JSON.stringify(alias)} is not a PascalCase TypeScript name`);
    }
    const twin = aliases.find((other) => other.alias === alias);
    if (twin) throw new SpecError(`${at}: alias ${alias} is already the alias of schema ${twin.schemaName}`);
    aliases.push({
      alias,
      schemaName,
      description: typeof schema.description === "string" ? schema.description : "",
    });
  }
  return aliases.sort((a, b) => a.alias.localeCompare(b.alias));
}

/** A one-line doc comment (first sentence of `text`), safe inside `/** … *\/`. */
export function docLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentence = /^(.*?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  return sentence.replaceAll("*/", "*\\/");
}

/** The alias a schema node names through a direct `$ref` to an aliased component, if any. */
function aliasOf(spec, schemaOrRef, aliases) {
  if (typeof schemaOrRef?.$ref !== "string" || !schemaOrRef.$ref.startsWith(SCHEMA_REF)) return undefined;
  return aliases.find((a) => a.schemaName === schemaOrRef.$ref.slice(SCHEMA_REF.length))?.alias;
}

/**
 * The type names and expressions of each operation: `{ operation, params, query, body, result }`, each
 * `{ name, expression }` or null where the operation has none.
 */
export function operationTypes(spec, operations, aliases) {
  return operations.map((operation) => {
    const { operationId } = operation;
    const prefix = typeNamePrefix(operationId);
    const op = `operations[${JSON.stringify(operationId)}]`;
    const params =
      operation.pathParameters.length > 0
        ? { name: `${prefix}Params`, expression: `${op}["parameters"]["path"]` }
        : null;
    const query =
      operation.queryParameters.length > 0
        ? { name: `${prefix}Query`, expression: `NonNullable<${op}["parameters"]["query"]>` }
        : null;
    const body = operation.requestBody
      ? {
          name: `${prefix}Body`,
          expression:
            aliasOf(spec, operation.requestBody.schema, aliases) ??
            `NonNullable<${op}["requestBody"]>["content"][${JSON.stringify(operation.requestBody.mediaType)}]`,
        }
      : null;
    const { status, mediaType, schema } = operation.success;
    const result = {
      name: `${prefix}Result`,
      expression:
        schema === undefined
          ? "void"
          : (aliasOf(spec, schema, aliases) ??
            `${op}["responses"][${status}]["content"][${JSON.stringify(mediaType)}]`),
    };
    for (const derived of [params, query, body, result]) {
      const clash = derived && aliases.find((a) => a.alias === derived.name);
      // `CreateExportBucketBody` may be both the schema's alias and the operation's body: fine when the
      // operation's body is that very schema, a contradiction otherwise.
      if (clash && derived.expression !== clash.alias) {
        throw new SpecError(
          `operation ${operationId}: ${derived.name} would be both #/components/schemas/${clash.schemaName} ` +
            `(its x-atlas-export-alias) and ${derived.expression}; rename the alias`,
        );
      }
    }
    return { operation, params, query, body, result };
  });
}

/** The generated `src/generated/aliases.ts`. */
export function renderAliases(spec, operations) {
  const aliases = readSchemaAliases(spec);
  const perOperation = operationTypes(spec, operations, aliases);
  const aliasNames = new Set(aliases.map((a) => a.alias));
  const lines = [
    generatedHeader("scripts/render-aliases.mjs", "friendly names for the generated types"),
    'import type { components, operations } from "./atlas-export.js";',
    "",
    "// Component schemas, under the name their x-atlas-export-alias gives them.",
  ];
  for (const { alias, schemaName, description } of aliases) {
    lines.push("", `/** ${docLine(description) || schemaName} (\`${schemaName}\` in the spec) */`);
    lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(schemaName)}];`);
  }
  lines.push("", "// Each operation's path parameters, query parameters, request body and 2xx body.");
  for (const { operation, params, query, body, result } of perOperation) {
    const what = `\`${operation.operationId}\` (${operation.method.toUpperCase()} ${operation.path})`;
    const entries = [
      [params, `The path parameters of ${what}.`],
      [query, `The query parameters of ${what}.`],
      [body, `The request body of ${what} (${operation.requestBody?.mediaType}).`],
      [
        result,
        operation.success.schema === undefined
          ? `What ${what} answers: HTTP ${operation.success.status}, no body.`
          : `What ${what} answers: the HTTP ${operation.success.status} body (${operation.success.mediaType}).`,
      ],
    ];
    for (const [type, doc] of entries) {
      if (!type || aliasNames.has(type.name)) continue;
      lines.push("", `/** ${doc} */`, `export type ${type.name} = ${type.expression};`);
    }
  }
  lines.push(
    "",
    "/** Every operation's types by operationId (`never` where the operation has no such part). */",
    "export interface OperationTypes {",
  );
  for (const { operation, params, query, body, result } of perOperation) {
    lines.push(`  ${operation.operationId}: {`);
    lines.push(`    params: ${params?.name ?? "never"};`);
    lines.push(`    query: ${query?.name ?? "never"};`);
    lines.push(`    body: ${body?.name ?? "never"};`);
    lines.push(`    result: ${result.name};`);
    lines.push("  };");
  }
  lines.push("}", "");
  return lines.join("\n");
}
