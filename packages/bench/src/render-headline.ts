import type { BenchSection } from "./bench-section.js";
import { markdownTable } from "./markdown-table.js";
import { resultCells, resultColumns } from "./render-section.js";

/** The rows each benchmark marks as headline, in one table (the README shows it). */
export function renderHeadline(sections: readonly BenchSection[]): string {
  const rows = sections.flatMap((section) =>
    section.rows.filter((row) => row.headline).map((row) => [String(section.id), ...resultCells(row)]),
  );
  return markdownTable(["#", ...resultColumns], rows);
}
