// `x-atlas-export-alias: <Name>` on a component schema names the TypeScript type @atlas-export/types
// generates for it. A name that is not an identifier, or one two schemas claim, would fail far away (in
// `pnpm generate` or a consumer's build); here it fails naming the schema.
import { SpecSyncError } from "./spec-sync-error.mjs";

const aliasKey = "x-atlas-export-alias";
const identifier = /^[A-Z][A-Za-z0-9]*$/;

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Throws SpecSyncError for the first bad or duplicate alias among the fragment's component schemas. */
export function checkAliases(name, document) {
  const schemas = isObject(document.components?.schemas) ? document.components.schemas : {};
  const owners = new Map();
  for (const [schemaName, schema] of Object.entries(schemas)) {
    if (!isObject(schema) || !Object.hasOwn(schema, aliasKey)) continue;
    const alias = schema[aliasKey];
    if (typeof alias !== "string" || !identifier.test(alias))
      throw new SpecSyncError(
        `${name}: ${aliasKey} of schemas.${schemaName} is ${JSON.stringify(alias)}; it must be a PascalCase` +
          " TypeScript identifier (letters and digits, starting with a capital).",
      );
    if (owners.has(alias))
      throw new SpecSyncError(
        `${name}: ${aliasKey} ${alias} names both schemas.${owners.get(alias)} and schemas.${schemaName};` +
          " each friendly name must be unique.",
      );
    owners.set(alias, schemaName);
  }
}
