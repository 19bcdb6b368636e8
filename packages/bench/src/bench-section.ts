/**
 * Whether a figure meets its target; `info` rows carry context and have no target of their own;
 * `not run` rows could not be measured in this run (the reason is in the row).
 */
export type Verdict = "met" | "missed" | "info" | "not run";

/** One line of a results table: the figure, the peer it is compared with, the ratio and the target. */
export interface BenchRow {
  /** What is measured, e.g. "HTTP requests per call, 1,000 sequential". */
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
  /** How it was measured and anything a reader needs to judge the figures. */
  notes: string[];
}
