// Applies edits to a YAML text by splicing only the lines of the nodes that change, so comments, folded
// descriptions and the layout of everything else in spec/openapi.yaml survive an update untouched (a
// re-serialised document would re-fold every description and bury the real change in the diff).
// Each edit re-parses the text: the fragment is small and this keeps every splice simple and exact.
import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";

// Edits and look-ups alternate on the same text; parsing it once serves both.
let lastText;
let lastDocument;

function parseStrict(text) {
  if (text === lastText) return lastDocument;
  const document = parseDocument(text);
  if (document.errors.length > 0)
    throw new Error(`YAML edit produced invalid YAML: ${document.errors[0].message}`);
  lastText = text;
  lastDocument = document;
  return document;
}

function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text, offset) {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Block YAML for a value, each line indented by `indent` spaces. Written as YAML 1.1 so strings such as
 * dates ("2024-08-27") or "yes" come out quoted and read back as strings in every YAML parser.
 */
function render(value, indent) {
  const text = new Document(value, { version: "1.1" }).toString({
    lineWidth: Math.max(40, 110 - indent),
    minContentWidth: 0,
  });
  return text
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => (line === "" ? line : " ".repeat(indent) + line))
    .join("\n")
    .concat("\n");
}

/** The pair (in a map) or item (in a sequence) at this path, with its parent collection. */
function locate(document, path) {
  let collection = document.contents;
  let found;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (isMap(collection)) {
      const pair = collection.items.find(
        (item) => String(isScalar(item.key) ? item.key.value : item.key) === String(key),
      );
      if (!pair) return { missingAt: i, collection };
      found = { pair, collection };
      collection = pair.value;
    } else if (isSeq(collection) && Number.isInteger(key) && key < collection.items.length) {
      found = { item: collection.items[key], collection };
      collection = collection.items[key];
    } else {
      return { missingAt: i, collection };
    }
  }
  return found;
}

/** Offsets of the whole lines a pair or item occupies. */
function spanOf(text, found) {
  const first = found.pair ? found.pair.key : found.item;
  const last = found.pair ? (found.pair.value ?? found.pair.key) : found.item;
  return { start: lineStart(text, first.range[0]), end: lineEnd(text, last.range[2] ?? last.range[1]) };
}

function columnOf(text, offset) {
  return offset - lineStart(text, offset);
}

function setIn(text, path, value) {
  const document = parseStrict(text);
  const found = locate(document, path);
  if (found && !("missingAt" in found)) {
    const { start, end } = spanOf(text, found);
    const indent = columnOf(text, (found.pair ? found.pair.key : found.item).range[0]);
    const rendered = found.pair ? render({ [path.at(-1)]: value }, indent) : render([value], indent - 2);
    return text.slice(0, start) + rendered + text.slice(end);
  }
  // Build the missing tail as one nested value and add it to the deepest collection that exists.
  const missingAt = found?.missingAt ?? 0;
  const parentPath = path.slice(0, missingAt);
  let nested = value;
  for (let i = path.length - 1; i > missingAt; i--) nested = { [path[i]]: nested };
  const parent = parentPath.length === 0 ? { collection: document.contents } : locate(document, parentPath);
  const collection = parentPath.length === 0 ? document.contents : (parent.pair?.value ?? parent.item);
  if (isMap(collection) && collection.items.length > 0 && !collection.flow) {
    const lastPair = collection.items.at(-1);
    const indent = columnOf(text, collection.items[0].key.range[0]);
    const at = spanOf(text, { pair: lastPair }).end;
    return text.slice(0, at) + render({ [path[missingAt]]: nested }, indent) + text.slice(at);
  }
  // An empty or flow-style parent is re-rendered whole with the new entry.
  const current = collection ? collection.toJSON() : {};
  const updated = { ...(current ?? {}), [path[missingAt]]: nested };
  return setIn(text, parentPath, updated);
}

function deleteIn(text, path) {
  const document = parseStrict(text);
  const found = locate(document, path);
  if (!found || "missingAt" in found) return text;
  const { start, end } = spanOf(text, found);
  return text.slice(0, start) + text.slice(end);
}

/** Whether one path is the other or lies below it. */
function overlaps(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/**
 * The splice a `set` or `delete` makes in this parse of the text, or undefined when it needs the general
 * path (an empty or flow-style parent, a missing sequence item). `touches` is the path it changes.
 */
function spliceFor(text, document, edit) {
  const found = locate(document, edit.path);
  if (found && !("missingAt" in found)) {
    const { start, end } = spanOf(text, found);
    if (edit.op === "delete") return { start, end, insert: "", touches: edit.path };
    const indent = columnOf(text, (found.pair ? found.pair.key : found.item).range[0]);
    const insert = found.pair
      ? render({ [edit.path.at(-1)]: edit.value }, indent)
      : render([edit.value], indent - 2);
    return { start, end, insert, touches: edit.path };
  }
  if (edit.op === "delete") return { start: 0, end: 0, insert: "", touches: edit.path }; // nothing to delete
  const missingAt = found?.missingAt ?? 0;
  const parentPath = edit.path.slice(0, missingAt);
  const collection =
    parentPath.length === 0
      ? document.contents
      : (() => {
          const parent = locate(document, parentPath);
          return parent.pair?.value ?? parent.item;
        })();
  if (!isMap(collection) || collection.items.length === 0 || collection.flow) return undefined;
  let nested = edit.value;
  for (let i = edit.path.length - 1; i > missingAt; i--) nested = { [edit.path[i]]: nested };
  const indent = columnOf(text, collection.items[0].key.range[0]);
  const at = spanOf(text, { pair: collection.items.at(-1) }).end;
  return {
    start: at,
    end: at,
    insert: render({ [edit.path[missingAt]]: nested }, indent),
    touches: edit.path.slice(0, missingAt + 1),
  };
}

/**
 * Applies a run of `set` and `delete` edits with as few parses as possible: consecutive edits on paths
 * that do not overlap are spliced into one parse of the text, from the end so the offsets stay valid;
 * an edit that overlaps one already in the run, or needs the general path, starts a new run. The result
 * is the text applying the edits one by one would give (a fragment sync of a hundred edits took a parse
 * each, ~10 s).
 */
export function editYamlTextInRuns(text, edits) {
  let run = [];
  const flush = () => {
    if (run.length === 0) return;
    // Equal offsets (two entries added to one mapping) keep their order: the later one is spliced first.
    const ordered = run.map((splice, index) => ({ ...splice, index }));
    ordered.sort((a, b) => b.start - a.start || b.index - a.index);
    for (const { start, end, insert } of ordered) text = text.slice(0, start) + insert + text.slice(end);
    run = [];
  };
  for (const edit of edits) {
    if (edit.op !== "set" && edit.op !== "delete")
      throw new Error(`unknown YAML edit ${JSON.stringify(edit.op)}`);
    if (run.some((splice) => overlaps(splice.touches, edit.path))) flush();
    // While a run is open the text is unchanged: its one parse serves every splice of the run.
    const splice = spliceFor(text, parseStrict(text), edit);
    if (splice === undefined) {
      flush();
      text = editYamlText(text, edit);
      continue;
    }
    run.push(splice);
  }
  flush();
  return text;
}

/** Deletes several disjoint entries with one parse, splicing from the end so offsets stay valid. */
export function deleteAll(text, paths) {
  const document = parseStrict(text);
  const spans = paths
    .map((path) => locate(document, path))
    .filter((found) => found && !("missingAt" in found))
    .map((found) => spanOf(text, found))
    .sort((a, b) => b.start - a.start);
  for (const { start, end } of spans) text = text.slice(0, start) + text.slice(end);
  return text;
}

function appendIn(text, path, value) {
  const document = parseStrict(text);
  const found = locate(document, path);
  const sequence = found && !("missingAt" in found) ? found.pair?.value : undefined;
  if (!isSeq(sequence) || sequence.items.length === 0 || sequence.flow) {
    const current = isSeq(sequence) ? sequence.toJSON() : [];
    return setIn(text, path, [...current, value]);
  }
  const lastItem = sequence.items.at(-1);
  const indent = columnOf(text, lastItem.range[0]) - 2;
  const at = spanOf(text, { item: lastItem }).end;
  return text.slice(0, at) + render([value], indent) + text.slice(at);
}

/** The plain JSON value at this path of a YAML text (undefined when missing). */
export function valueIn(text, path) {
  const document = parseStrict(text);
  if (path.length === 0) return document.toJS();
  const found = locate(document, path);
  if (!found || "missingAt" in found) return undefined;
  const node = found.pair ? found.pair.value : found.item;
  return node === null || node === undefined
    ? null
    : typeof node.toJSON === "function"
      ? node.toJSON()
      : node;
}

/**
 * @typedef {{op: "set", path: (string|number)[], value: unknown}
 *   | {op: "delete", path: (string|number)[]}
 *   | {op: "append", path: (string|number)[], value: unknown}} TextEdit
 */

/** Applies one edit to a YAML text and returns the new text. @param {TextEdit} edit */
export function editYamlText(text, edit) {
  if (edit.op === "set") return setIn(text, edit.path, edit.value);
  if (edit.op === "delete") return deleteIn(text, edit.path);
  if (edit.op === "append") return appendIn(text, edit.path, edit.value);
  throw new Error(`unknown YAML edit ${JSON.stringify(edit.op)}`);
}
