/** A GitHub-flavoured Markdown table with padded columns, readable in a terminal as it is in a browser. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replaceAll("|", "\\|").replaceAll("\n", " ");
  const cells = [header, ...rows].map((row) => header.map((_, index) => escape(row[index] ?? "")));
  const widths = header.map((_, index) => Math.max(3, ...cells.map((row) => [...(row[index] ?? "")].length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, index) => cell + " ".repeat((widths[index] ?? 0) - [...cell].length)).join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}
