import { describe, expect, it } from "vitest";
import { wallAboveBaseline } from "../src/wall-above-baseline.js";

describe("wallAboveBaseline", () => {
  it("takes the median of the differences between runs of the same round", () => {
    // The second round ran under load for both programs: pairing cancels it.
    const result = wallAboveBaseline([1040, 1600, 1030, 1050, 1045], [1000, 1550, 1000, 1000, 1000]);
    expect(result.ms).toBe(45);
  });

  it("gives 1.58 x the interquartile range of those differences / sqrt(rounds) as its uncertainty", () => {
    // Differences 40, 50, 30, 50, 45: quartiles 40 and 50.
    const result = wallAboveBaseline([1040, 1600, 1030, 1050, 1045], [1000, 1550, 1000, 1000, 1000]);
    expect(result.uncertaintyMs).toBeCloseTo((1.58 * 10) / Math.sqrt(5), 6);
  });

  it("is not set by one slow round: an outlier moves neither the median nor the uncertainty much", () => {
    const steady = wallAboveBaseline([140, 150, 130, 150, 145, 140], [100, 100, 100, 100, 100, 100]);
    const withOutlier = wallAboveBaseline([140, 150, 130, 150, 145, 900], [100, 100, 100, 100, 100, 100]);
    expect(withOutlier.ms - steady.ms).toBeLessThanOrEqual(5);
    expect(withOutlier.uncertaintyMs).toBeLessThan(2 * steady.uncertaintyMs);
  });

  it("refuses runs without one baseline run each, naming the counts", () => {
    expect(() => wallAboveBaseline([1, 2, 3], [1, 2])).toThrow(/one baseline run per run \(got 3 and 2\)/);
  });
});
