import type { CheckRecord } from "./check-report.js";
import type { Deviation } from "./read-deviations.js";

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/**
 * The short summary the suite prints: each example with the type and schema it was checked against and
 * the checks it passed, then the deliberate deviations from upstream the fragment records.
 */
export function renderReport(records: readonly CheckRecord[], deviations: readonly Deviation[]): string {
  const byExample = new Map<
    string,
    { type: string; schema: string; passed: Set<string>; failed: Set<string> }
  >();
  for (const record of records) {
    const entry = byExample.get(record.example) ?? {
      type: record.type,
      schema: record.schema,
      passed: new Set<string>(),
      failed: new Set<string>(),
    };
    (record.passed ? entry.passed : entry.failed).add(record.check);
    byExample.set(record.example, entry);
  }
  const list = (checks: Set<string>) => [...checks].sort().join(", ") || "-";
  const exampleRows = [...byExample.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([example, { type, schema, passed, failed }]) => [
      example,
      type,
      schema,
      list(passed),
      list(failed),
    ]);
  return [
    `Documented examples checked (${exampleRows.length}):`,
    exampleRows.length === 0
      ? "(none recorded: only some test files ran)"
      : table(["example", "generated type", "schema", "passed", "FAILED"], exampleRows),
    "",
    `Deliberate deviations from upstream recorded in x-atlas-export-deviations (${deviations.length}):`,
    table(
      ["operation", "location", "kind"],
      deviations.map((d) => [d.operationId ?? "(components)", d.location, d.kind]),
    ),
  ].join("\n");
}
