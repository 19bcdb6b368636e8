/**
 * The `q`-quantile (0 ≤ q ≤ 1) of a non-empty list of numbers, interpolating linearly between the two
 * nearest ranks (the default of R, NumPy and spreadsheets), so quartiles of a handful of rounds are defined.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error("@atlas-export/bench: quantile() needs at least one value");
  if (!(q >= 0 && q <= 1)) throw new Error(`@atlas-export/bench: quantile() needs 0 <= q <= 1 (got ${q})`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = sorted[Math.floor(position)] as number;
  const above = sorted[Math.ceil(position)] as number;
  return below + (above - below) * (position - Math.floor(position));
}
