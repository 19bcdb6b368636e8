import type { BenchRow } from "./bench-section.js";

/** A row for a figure this run could not measure: it says why instead of leaving the row out. */
export function notRunRow(row: Pick<BenchRow, "measure" | "peer" | "target">, error: unknown): BenchRow {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ...row,
    atlasExport: `not measured: ${reason.replace(/^@atlas-export\/bench: /, "").slice(0, 160)}`,
    peerFigure: "",
    ratio: "",
    verdict: "not run",
  };
}
