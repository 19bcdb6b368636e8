import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deleteAll, editYamlText, valueIn } from "../edit-yaml-text.mjs";

const text = `# top comment
info:
  description: >-
    A folded description written by hand, wrapped where its author wanted
    and not where a serialiser would.
list:
  - a
  - b
map:
  # why this key is here
  keep: 1
  drop: 2
empty: {}
`;

describe("editYamlText", () => {
  it("sets a value without touching the comments and folded text around it", () => {
    const edited = editYamlText(text, { op: "set", path: ["map", "keep"], value: 10 });
    expect(edited).toBe(text.replace("keep: 1", "keep: 10"));
  });

  it("adds a key at the end of its mapping, at the mapping's indentation", () => {
    const edited = editYamlText(text, { op: "set", path: ["map", "new"], value: { nested: true } });
    expect(edited).toBe(text.replace("  drop: 2\n", "  drop: 2\n  new:\n    nested: true\n"));
  });

  it("creates the missing mappings on the way to a new key", () => {
    const edited = editYamlText(text, {
      op: "set",
      path: ["components", "schemas", "A"],
      value: { type: "string" },
    });
    expect(parse(edited).components).toEqual({ schemas: { A: { type: "string" } } });
    expect(edited.startsWith(text)).toBe(true);
  });

  it("fills an empty flow mapping", () => {
    const edited = editYamlText(text, { op: "set", path: ["empty", "type"], value: "object" });
    expect(parse(edited).empty).toEqual({ type: "object" });
  });

  it("deletes exactly the lines of one entry", () => {
    expect(editYamlText(text, { op: "delete", path: ["map", "drop"] })).toBe(text.replace("  drop: 2\n", ""));
  });

  it("appends an item to a sequence", () => {
    expect(editYamlText(text, { op: "append", path: ["list"], value: "c" })).toBe(
      text.replace("  - b\n", "  - b\n  - c\n"),
    );
  });

  it("quotes strings other YAML parsers would read as dates or booleans", () => {
    const edited = editYamlText(text, { op: "set", path: ["map", "keep"], value: "2024-08-27" });
    expect(edited).toContain('keep: "2024-08-27"');
  });

  it("deletes several entries in one pass", () => {
    const edited = deleteAll(text, [["list"], ["map", "drop"], ["missing"]]);
    expect(parse(edited)).toEqual({ info: parse(text).info, map: { keep: 1 }, empty: {} });
  });

  it("reads a value back by path", () => {
    expect(valueIn(text, ["list"])).toEqual(["a", "b"]);
    expect(valueIn(text, ["nope", "x"])).toBeUndefined();
  });
});
