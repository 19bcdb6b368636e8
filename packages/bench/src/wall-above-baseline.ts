import { median } from "./median.js";
import { quantile } from "./quantile.js";

export interface WallAboveBaseline {
  /** Median over the rounds of (program − empty program in the same round). */
  ms: number;
  /**
   * Half the width of an approximate 95% confidence interval of that median, 1.58 × interquartile range ÷
   * √rounds (the notch of McGill, Tukey and Larsen, 1978): a median smaller than this cannot be told from
   * zero. Unlike half the range, it does not widen as rounds are added, and one slow round on a shared
   * machine does not set it.
   */
  uncertaintyMs: number;
}

/**
 * What a program's wall time adds to an empty program's, from runs taken in turns (`runs[i]` and
 * `baselineRuns[i]` in the same round). Pairing by round cancels load that lasts a round on a shared machine,
 * which a difference of two medians taken at different moments does not.
 */
export function wallAboveBaseline(
  runs: readonly number[],
  baselineRuns: readonly number[],
): WallAboveBaseline {
  if (runs.length !== baselineRuns.length) {
    throw new Error(
      `@atlas-export/bench: wallAboveBaseline() needs one baseline run per run (got ${runs.length} and ${baselineRuns.length})`,
    );
  }
  const differences = runs.map((ms, round) => ms - (baselineRuns[round] ?? 0));
  return {
    ms: median(differences),
    uncertaintyMs:
      (1.58 * (quantile(differences, 0.75) - quantile(differences, 0.25))) / Math.sqrt(differences.length),
  };
}
