import { describe, expect, it } from "vitest";
import { markdownTable } from "../src/markdown-table.js";

describe("markdownTable", () => {
  it("pads every column to its widest cell", () => {
    expect(markdownTable(["a", "long header"], [["wide cell", "x"]])).toBe(
      ["| a         | long header |", "| --------- | ----------- |", "| wide cell | x           |"].join(
        "\n",
      ),
    );
  });

  it("escapes pipes so a cell cannot add a column", () => {
    expect(markdownTable(["h"], [["a|b"]]).split("\n")[2]).toBe("| a\\|b |");
  });
});
