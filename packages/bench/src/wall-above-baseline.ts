import { median } from "./median.js";

export interface WallAboveBaseline {
  /** Median over the rounds of (program − empty program in the same round). */
  ms: number;
  /** Half the range of those per-round differences: a median smaller than this cannot be told from zero. */
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
    uncertaintyMs: (Math.max(...differences) - Math.min(...differences)) / 2,
  };
}
