import type { BenchRow, BenchSection, Verdict } from "./bench-section.js";
import { markdownTable } from "./markdown-table.js";

const verdicts: Record<Verdict, string> = {
  met: "✅ met",
  missed: "❌ missed",
  info: "—",
  "not run": "⚠️ not run",
};

/** The columns of every results table: the figure, the peer, the ratio and the target side by side. */
export const resultColumns = ["Measure", "atlas-export", "Peer", "Peer figure", "Ratio", "Target", "Verdict"];

export function resultCells(row: BenchRow): string[] {
  return [
    row.measure,
    row.atlasExport,
    row.peer,
    row.peerFigure,
    row.ratio,
    row.target,
    verdicts[row.verdict],
  ];
}

/** One numbered benchmark as Markdown: heading, table, then how it was measured. */
export function renderSection(section: BenchSection): string {
  const parts = [
    `## ${section.id}. ${section.title}`,
    "",
    markdownTable(resultColumns, section.rows.map(resultCells)),
  ];
  if (section.notes.length > 0) parts.push("", ...section.notes.map((note) => `- ${note}`));
  return parts.join("\n");
}
