/**
 * Whether a figure meets its target; `info` rows carry context and have no target of their own;
 * `not run` rows could not be measured in this run (the reason is in the row).
 */
export type Verdict = "met" | "missed" | "info" | "not run";

/** One line of a results table: the figure, the peer it is compared with, the ratio and the target. */
export interface BenchRow {
  /** What is measured, e.g. "HTTP requests per call, 200 sequential". */
  measure: string;
  atlasExport: string;
  /** The peer (with its version) or baseline the figure is compared with. */
  peer: string;
  peerFigure: string;
  /** atlas-export ÷ peer, with the direction that is better stated in the target. */
  ratio: string;
  target: string;
  verdict: Verdict;
  /** Shown in the README's headline table too. */
  headline?: boolean;
}

/** The result of one numbered benchmark program. */
export interface BenchSection {
  id: number;
  title: string;
  rows: BenchRow[];
  /** How it was measured: at most three lines (GUIDE §6), so the method is read, not skimmed. */
  method: [string] | [string, string] | [string, string, string];
}

/** "met" when `ok`, else "missed": every targeted row decides its verdict this one way. */
export function verdict(ok: boolean): Verdict {
  return ok ? "met" : "missed";
}

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
