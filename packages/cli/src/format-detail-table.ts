import { formatServerValue } from "./format-server-value.js";

/**
 * Aligned "label  value" rows for one resource, for people at a terminal. Values are read with
 * {@link formatServerValue} (any type renders, terminal-safe); rows with nothing to show are left out
 * rather than shown empty. A row with an empty label continues the list above it.
 */
export function formatDetailTable(rows: ReadonlyArray<readonly [string, unknown]>): string {
  const shown = rows
    .map(([label, value]) => [label, formatServerValue(value)] as const)
    .filter((row): row is readonly [string, string] => row[1] !== undefined && row[1] !== "");
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n") + "\n";
}
