import { formatServerValue } from "./format-server-value.js";

/** One column of a list table: its heading and how to read the cell from an item. */
export interface ListColumn<T> {
  heading: string;
  cell: (item: T) => unknown;
}

/**
 * Items as an aligned table with a heading row, for people at a terminal (`--output json` prints the
 * items as received). Every cell is read with {@link formatServerValue}: any type renders, no control
 * character reaches the terminal; an absent value shows as "-".
 */
export function formatListTable<T>(columns: ReadonlyArray<ListColumn<T>>, items: readonly T[]): string {
  const rows = [
    columns.map((column) => column.heading),
    ...items.map((item) => columns.map((column) => formatServerValue(column.cell(item)) || "-")),
  ];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return (
    rows
      .map((row) =>
        row.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!))).join("  "),
      )
      .join("\n") + "\n"
  );
}
