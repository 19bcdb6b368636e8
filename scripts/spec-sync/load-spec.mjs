// Reads an OpenAPI document (YAML or JSON, which is YAML too) whole with js-yaml (~0.2 s for the 4 MB
// upstream file, ~0.1 s for it as JSON). Parsing is bounded: js-yaml keeps its nesting-depth limit (100;
// JSON.parse has none, and every later walk recurses), and an alias-heavy YAML file (a "billion laughs"
// bomb) is refused before anything walks it, because an alias is a shared object that every later walk
// (extraction, comparison) would expand again.
import { readFile } from "node:fs/promises";
import { load } from "js-yaml";
import { SpecSyncError } from "./spec-sync-error.mjs";

/**
 * @typedef {object} SpecFile
 * @property {string} name the file name, for messages
 * @property {Record<string, any>} document the parsed document
 */

/** Aliases a real OpenAPI file may use: MongoDB's files use none; hand-written ones a few. */
export const maxAliases = 10_000;

/**
 * The number of nodes this value has once every alias is expanded, counted without expanding anything
 * (each shared object is sized once) and capped just past `limit`.
 */
export function expandedSize(value, limit) {
  const sizes = new Map();
  const sizeOf = (node) => {
    if (node === null || typeof node !== "object") return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, limit + 1); // a node met again while being sized is a cycle: too big by definition
    let size = 1;
    for (const child of Object.values(node)) {
      size += sizeOf(child);
      if (size > limit) break;
    }
    sizes.set(node, size);
    return size;
  };
  return sizeOf(value);
}

function parseYaml(name, text) {
  let document;
  try {
    // JSON keeps JSON.parse's rule for a repeated key (the last wins); YAML refuses one.
    document = load(text, { filename: name, maxAliases, json: text.trimStart().startsWith("{") });
  } catch (error) {
    const first = String(error?.message ?? error).split("\n")[0];
    throw new SpecSyncError(`${name} cannot be read as YAML or JSON: ${first}`);
  }
  // Expanded, a document may be a few times larger than its text (a handful of anchors); a bomb is
  // exponentially larger. The bound keeps every later walk linear in the size of the file.
  const limit = 100_000 + 2 * text.length;
  if (expandedSize(document, limit) > limit)
    throw new SpecSyncError(
      `${name}: its YAML aliases expand to more than ${limit.toLocaleString("en-US")} nodes (an alias bomb?);` +
        " refusing to read it. Pass a spec without recursive or exponential anchors.",
    );
  return document;
}

/** Parses this text as a spec. */
export function openSpecText(name, text) {
  text = text.replace(/^\uFEFF/, ""); // a byte-order mark is not part of the first key
  if (text.trim() === "") throw new SpecSyncError(`${name} is empty: expected an OpenAPI 3 document.`);
  const document = parseYaml(name, text);
  if (document === null || typeof document !== "object" || Array.isArray(document))
    throw new SpecSyncError(`${name} is not an OpenAPI document: its top level is not a mapping/object.`);
  return { name, document };
}

/** Reads and parses the file at this path. */
export async function openSpecFile(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SpecSyncError(
      `cannot read ${file}: ${error.code ?? error.message}. Pass the path of an upstream spec file.`,
    );
  }
  return openSpecText(file, text);
}
