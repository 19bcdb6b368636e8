import { describe, expect, it } from "vitest";
import { figure } from "../src/figure.js";

describe("figure", () => {
  it.each([
    ["a ratio with two decimals", { given: figure.ratio(1.834), want: "1.83×" }],
    ["a small ratio with two significant digits", { given: figure.ratio(0.003), want: "0.0030×" }],
    ["a duration in seconds", { given: figure.duration(1240), want: "1.24 s" }],
    ["a duration in microseconds", { given: figure.duration(0.084), want: "84 µs" }],
    ["a size in kilobytes", { given: figure.bytes(7290), want: "7.12 KB" }],
    ["a negative size", { given: figure.bytes(-2 * 1024 * 1024), want: "-2.0 MB" }],
    ["a count with thousands separators", { given: figure.count(12345), want: "12,345" }],
  ])("formats %s", (_, { given, want }) => {
    expect(given).toBe(want);
  });
});
