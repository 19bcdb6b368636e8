// Opens an OpenAPI document (YAML or JSON) as a reader of values by key path, fast for the 4 MB
// upstream files: JSON is parsed whole (JSON.parse is quick), block YAML is read entry by entry
// (see yaml-slice-reader.mjs), and any other YAML is parsed whole with `yaml`.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { SpecSyncError } from "./spec-sync-error.mjs";
import { YamlSliceReader, YamlSliceUnsupported } from "./yaml-slice-reader.mjs";

/**
 * @typedef {object} SpecReader
 * @property {string} name the file name, for messages
 * @property {(path: string[]) => unknown} get the value at this key path, or undefined
 * @property {() => SpecReader} parsed the same document parsed whole (to confirm "not found" answers)
 */

function valueAt(document, path) {
  let value = document;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function parsedReader(name, document) {
  if (document === null || typeof document !== "object" || Array.isArray(document))
    throw new SpecSyncError(`${name} is not an OpenAPI document: its top level is not a mapping/object.`);
  const reader = { name, get: (path) => valueAt(document, path), parsed: () => reader };
  return reader;
}

function parseWhole(name, text) {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return parsedReader(name, JSON.parse(text));
    } catch {
      // Not strict JSON: flow-style YAML is still YAML; let `yaml` name the problem.
    }
  }
  let document;
  try {
    document = parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new SpecSyncError(`${name} is neither JSON nor YAML: ${error.message.split("\n")[0]}`);
  }
  return parsedReader(name, document);
}

/** Wraps the slice reader; every "unsupported" answer switches to a whole parse for good. */
function slicedReader(name, text) {
  let slices = new YamlSliceReader(text);
  let whole;
  const parsed = () => (whole ??= parseWhole(name, text));
  return {
    name,
    get(path) {
      if (slices) {
        try {
          return slices.get(path);
        } catch (error) {
          if (!(error instanceof YamlSliceUnsupported)) throw error;
          slices = undefined;
        }
      }
      return parsed().get(path);
    },
    parsed,
  };
}

/** Reads this text as a spec reader. */
export function openSpecText(name, text) {
  text = text.replace(/^\uFEFF/, ""); // a byte-order mark is not part of the first key
  if (text.trim() === "") throw new SpecSyncError(`${name} is empty: expected an OpenAPI 3 document.`);
  try {
    return slicedReader(name, text);
  } catch (error) {
    if (!(error instanceof YamlSliceUnsupported)) throw error;
    return parseWhole(name, text);
  }
}

/** Reads the file at this path as a spec reader. */
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
