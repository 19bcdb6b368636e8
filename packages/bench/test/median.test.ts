import { describe, expect, it } from "vitest";
import { median } from "../src/median.js";

describe("median", () => {
  it.each([
    ["an odd count", { given: [5, 1, 3], want: 3 }],
    ["an even count", { given: [4, 1, 3, 2], want: 2.5 }],
    ["a single value", { given: [7], want: 7 }],
  ])("returns the middle value of %s", (_, { given, want }) => {
    expect(median(given)).toBe(want);
  });

  it("refuses an empty list with a message naming the package", () => {
    expect(() => median([])).toThrow(/@atlas-export\/bench: median\(\) needs at least one value/);
  });
});
