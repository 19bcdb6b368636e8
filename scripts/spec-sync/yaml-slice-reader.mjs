// Reads single nodes of a large block-style YAML document without parsing all of it.
//
// A full parse of a 4 MB Atlas spec with `yaml` takes 3-6 s on a busy 2-core machine; spec-sync needs one
// operation and a few dozen components out of it. In block-style YAML every entry of a mapping starts on a
// line at the mapping's indentation, and everything that belongs to the entry (nested nodes, block
// scalars, continuation lines of multi-line scalars, indentless sequences) is either blank, a comment, more
// indented, or a `- ` item at the same indentation. So the lines of one entry can be found by comparing
// indentation alone, and that entry alone is handed to `yaml` to parse. Anything this cannot vouch for
// (tabs, directives, flow-style roots, complex keys, anchors/aliases) throws YamlSliceUnsupported and the
// caller falls back to a full parse, so the shortcut only ever changes speed, never results.
import { parse } from "yaml";

/** Thrown when the document uses YAML the line-based reader does not handle; fall back to a full parse. */
export class YamlSliceUnsupported extends Error {}

// A plain, single- or double-quoted mapping key followed by `:` and a space or the end of the line.
const keyPattern =
  /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"?\-:,[\]{}&*!|>%@`][^#]*?|-[^\s#][^#]*?)\s*:(?:[ \t]|$)/;

// Tabs never indent YAML; a tab after the spaces is content (e.g. Go code in a block scalar), and a
// line that starts with one at a key position fails the key pattern and ends the shortcut.
function indentOf(line) {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

function isInsignificant(line, indent) {
  return line.charCodeAt(indent) === 35 /* # */ || line.trim() === "";
}

function decodeKey(raw) {
  if (raw.startsWith('"') || raw.startsWith("'")) return String(parse(raw));
  return raw;
}

export class YamlSliceReader {
  /** @param {string} text the whole YAML document */
  constructor(text) {
    this.lines = text.split(/\r?\n/);
    /** @type {Map<number, Map<string, {start: number, end: number}>>} entries of each indexed mapping */
    this.indexes = new Map();
    let first = 0;
    while (first < this.lines.length && isInsignificant(this.lines[first], indentOf(this.lines[first])))
      first++;
    if (this.lines[first] === "---") first++;
    const head = this.lines[first] ?? "";
    if (head.startsWith("%") || head.startsWith(" ") || !keyPattern.test(head))
      throw new YamlSliceUnsupported("the document does not start with a block mapping at column 0");
    this.root = { start: first, end: this.lines.length, indent: 0 };
  }

  /** Entries of the block mapping whose keys sit at `node.indent` within lines [start, end). */
  entries(node) {
    const cached = this.indexes.get(node.start);
    if (cached) return cached;
    const entries = new Map();
    let current;
    for (let i = node.start; i < node.end; i++) {
      const line = this.lines[i];
      const indent = indentOf(line);
      if (isInsignificant(line, indent)) continue;
      if (indent > node.indent) {
        if (!current) throw new YamlSliceUnsupported(`line ${i + 1} is indented without a key`);
        current.end = i + 1;
        continue;
      }
      if (indent < node.indent) throw new YamlSliceUnsupported(`line ${i + 1} leaves its mapping`);
      const rest = line.slice(indent);
      if (
        rest === "-" ||
        rest.startsWith("- ") ||
        (current?.complex && (rest === ":" || rest.startsWith(": ")))
      ) {
        if (!current) throw new YamlSliceUnsupported(`line ${i + 1} starts a sequence without a key`);
        current.end = i + 1;
        continue;
      }
      // Keys longer than 1024 characters are written as explicit `? key` / `: value` pairs (upstream does
      // this for a few very long paths); a plain or quoted scalar key of that kind is still simple.
      if (rest.startsWith("? ")) {
        const keyText = rest.slice(2).trim();
        if (!keyPattern.test(`${keyText}:`))
          throw new YamlSliceUnsupported(`line ${i + 1} has a complex key`);
        const key = decodeKey(keyText);
        if (entries.has(key)) throw new YamlSliceUnsupported(`duplicate key ${key} at line ${i + 1}`);
        current = { start: i, end: i + 1, inline: true, complex: true };
        entries.set(key, current);
        continue;
      }
      if (rest === "..." || rest === "---") throw new YamlSliceUnsupported("more than one document");
      const match = keyPattern.exec(rest);
      if (!match) throw new YamlSliceUnsupported(`line ${i + 1} is not a simple mapping key`);
      const afterKey = rest.slice(match[0].length).trim();
      if (afterKey.startsWith("&") || afterKey.startsWith("*") || afterKey.startsWith("!"))
        throw new YamlSliceUnsupported(`line ${i + 1} uses an anchor, alias or tag`);
      const key = decodeKey(match[1]);
      if (entries.has(key)) throw new YamlSliceUnsupported(`duplicate key ${key} at line ${i + 1}`);
      current = { start: i, end: i + 1, inline: afterKey !== "" && !afterKey.startsWith("#") };
      entries.set(key, current);
    }
    this.indexes.set(node.start, entries);
    return entries;
  }

  /** The block mapping that is the value of this entry, or undefined when the value is anything else. */
  childMapping(entry) {
    if (entry.inline) return undefined;
    for (let i = entry.start + 1; i < entry.end; i++) {
      const line = this.lines[i];
      const indent = indentOf(line);
      if (isInsignificant(line, indent)) continue;
      const rest = line.slice(indent);
      if (rest === "-" || rest.startsWith("- ")) return undefined;
      return { start: i, end: entry.end, indent };
    }
    return undefined;
  }

  /** Parses the lines of one entry with `yaml` and returns its value. */
  parseEntry(entry) {
    const text = this.lines.slice(entry.start, entry.end).join("\n");
    let parsed;
    try {
      parsed = parse(text, { uniqueKeys: true });
    } catch (error) {
      throw new YamlSliceUnsupported(
        `entry at line ${entry.start + 1} did not parse alone: ${error.message}`,
      );
    }
    const values = parsed && typeof parsed === "object" ? Object.values(parsed) : [];
    if (values.length !== 1)
      throw new YamlSliceUnsupported(`entry at line ${entry.start + 1} is not one key`);
    return values[0];
  }

  /**
   * The value at this path of keys (e.g. ["components", "schemas", "ApiError"]), parsed; undefined when
   * a key is missing. Mappings on the way are only indexed, never parsed.
   */
  get(path) {
    let node = this.root;
    for (let i = 0; i < path.length; i++) {
      const entry = this.entries(node).get(path[i]);
      if (!entry) return undefined;
      const child = i < path.length - 1 ? this.childMapping(entry) : undefined;
      if (child) {
        node = child;
        continue;
      }
      let value = this.parseEntry(entry);
      for (const key of path.slice(i + 1)) {
        if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
        value = value[key];
      }
      return value;
    }
    throw new YamlSliceUnsupported("the empty path names the whole document");
  }
}
