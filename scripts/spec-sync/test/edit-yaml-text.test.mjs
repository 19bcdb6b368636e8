import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deleteAll, editYamlText, editYamlTextInRuns, valueIn } from "../edit-yaml-text.mjs";

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

describe("editYamlTextInRuns", () => {
  const oneByOne = (edits) => edits.reduce((current, edit) => editYamlText(current, edit), text);

  it.each([
    [
      "sets and deletes of sibling keys, and two keys added to one mapping in order",
      [
        { op: "set", path: ["map", "keep"], value: 10 },
        { op: "delete", path: ["map", "drop"] },
        { op: "set", path: ["map", "first"], value: 1 },
        { op: "set", path: ["map", "second"], value: { nested: [1, 2] } },
        { op: "set", path: ["info", "description"], value: "Short." },
        { op: "set", path: ["top"], value: "new top-level key" },
      ],
    ],
    [
      "an edit below one already in the run (the run is split there)",
      [
        { op: "set", path: ["map"], value: { replaced: true } },
        { op: "set", path: ["map", "added"], value: 2 },
        { op: "delete", path: ["map", "replaced"] },
      ],
    ],
    [
      "an edit that needs the general path (an empty flow mapping) between two that do not",
      [
        { op: "set", path: ["list", 0], value: "z" },
        { op: "set", path: ["empty", "now"], value: "filled" },
        { op: "delete", path: ["list", 1] },
      ],
    ],
  ])("gives the text one-by-one edits give: %s", (_name, edits) => {
    const expected = oneByOne(edits);
    expect(expected).not.toBe(text);
    expect(editYamlTextInRuns(text, edits)).toBe(expected);
    expect(parse(editYamlTextInRuns(text, edits))).toEqual(parse(expected));
  });
});
