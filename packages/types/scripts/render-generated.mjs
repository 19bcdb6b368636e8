// Everything `pnpm generate` writes into src/generated/, rendered in memory from one spec file: the
// openapi-typescript output, the friendly aliases, the operation table and the validators. Nothing here
// names an operation: a new operation in the spec is a new entry in each file.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { readOperations, SpecError } from "./read-operations.mjs";
import { renderAliases } from "./render-aliases.mjs";
import { renderOperationTable } from "./render-operation-table.mjs";
import { renderTypes, specUrl } from "./render-types.mjs";
import { renderValidators } from "./render-validators.mjs";

export { specUrl };
export const generatedDirUrl = new URL("../src/generated/", import.meta.url);

/** The parsed spec at `url`, or a SpecError saying why it cannot be read. */
export async function loadSpec(url = specUrl) {
  let text;
  try {
    text = await readFile(url, "utf8");
  } catch (error) {
    throw new SpecError(`cannot read ${url.pathname}: ${error.code ?? error.message}`);
  }
  try {
    // yaml's default alias limit stays on: an alias bomb is bad input, not a hang.
    return parse(text);
  } catch (error) {
    throw new SpecError(`${url.pathname} is not valid YAML: ${error.message.split("\n")[0]}`);
  }
}

/** `[{ file, code }]`: every file of src/generated/ (names relative to it) as `pnpm generate` writes them. */
export async function renderGenerated(url = specUrl) {
  const spec = await loadSpec(url);
  const operations = readOperations(spec);
  return [
    // openapi-typescript last but first in the list: the checks above give clear messages first.
    { file: "atlas-export.ts", code: await renderTypes(url) },
    { file: "aliases.ts", code: renderAliases(spec, operations) },
    { file: "operation-table.ts", code: renderOperationTable(operations) },
    ...renderValidators(spec, operations),
  ];
}
