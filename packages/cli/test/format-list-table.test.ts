import { describe, expect, it } from "vitest";
import { formatListTable } from "../src/format-list-table.js";
import { parseKeyValue } from "../src/parse-key-value.js";
import { UsageError } from "../src/usage-error.js";

interface Row {
  id?: unknown;
  name?: unknown;
}
const COLUMNS = [
  { heading: "ID", cell: (row: Row) => row.id },
  { heading: "NAME", cell: (row: Row) => row.name },
];

describe("formatListTable", () => {
  it("aligns a heading row and one row per item, with - for absent values", () => {
    expect(formatListTable(COLUMNS, [{ id: "a1", name: "first" }, { id: "b22222" }])).toBe(
      ["ID      NAME", "a1      first", "b22222  -", ""].join("\n"),
    );
  });

  it("prints only the heading for no items", () => {
    expect(formatListTable(COLUMNS, [])).toBe("ID  NAME\n");
  });

  it("renders cells of any type and strips control characters", () => {
    const table = formatListTable(COLUMNS, [{ id: { x: 1 }, name: "\x1b]0;title\x07evil\r\nline" }]);
    expect(table).toBe(["ID       NAME", '{"x":1}  evil line', ""].join("\n"));
  });
});

describe("parseKeyValue", () => {
  it.each([
    ["key=value", { key: "key", value: "value" }],
    ["team=a=b", { key: "team", value: "a=b" }],
    ["empty=", { key: "empty", value: "" }],
  ])("reads %s", (raw, want) => {
    expect(parseKeyValue(raw, "--custom-data")).toEqual(want);
  });

  it.each([["novalue"], ["=value"]])("refuses %s", (raw) => {
    expect(() => parseKeyValue(raw, "--custom-data")).toThrow(UsageError);
    expect(() => parseKeyValue(raw, "--custom-data")).toThrow(/--custom-data must be key=value/);
  });
});
