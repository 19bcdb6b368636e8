import { describe, expect, it } from "vitest";
import { quantile } from "../src/quantile.js";

describe("quantile", () => {
  it("interpolates between the two nearest ranks", () => {
    expect(quantile([30, 40, 45, 50, 50], 0.25)).toBe(40);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
  });

  it("gives the extremes at 0 and 1", () => {
    expect(quantile([7, 3, 9], 0)).toBe(3);
    expect(quantile([7, 3, 9], 1)).toBe(9);
  });

  it("refuses an empty list and a q outside 0..1", () => {
    expect(() => quantile([], 0.5)).toThrow(/at least one value/);
    expect(() => quantile([1], 1.5)).toThrow(/0 <= q <= 1 \(got 1.5\)/);
  });
});
