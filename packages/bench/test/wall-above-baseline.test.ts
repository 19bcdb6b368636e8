import { describe, expect, it } from "vitest";
import { wallAboveBaseline } from "../src/wall-above-baseline.js";

describe("wallAboveBaseline", () => {
  it("takes the median of the differences between runs of the same round", () => {
    // The second round ran under load for both programs: pairing cancels it.
    const result = wallAboveBaseline([1040, 1600, 1030, 1050, 1045], [1000, 1550, 1000, 1000, 1000]);
    expect(result.ms).toBe(45);
  });

  it("gives half the range of those differences as its uncertainty", () => {
    const result = wallAboveBaseline([1040, 1600, 1030, 1050, 1045], [1000, 1550, 1000, 1000, 1000]);
    expect(result.uncertaintyMs).toBe(10);
  });

  it("refuses runs without one baseline run each, naming the counts", () => {
    expect(() => wallAboveBaseline([1, 2, 3], [1, 2])).toThrow(/one baseline run per run \(got 3 and 2\)/);
  });
});
