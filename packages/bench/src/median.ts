import { quantile } from "./quantile.js";

/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("@atlas-export/bench: median() needs at least one value");
  return quantile(values, 0.5);
}
