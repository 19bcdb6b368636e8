import { describe, expect, it } from "vitest";
import type { BenchSection } from "../src/bench-section.js";
import { renderMissed, renderSection } from "../src/render-results.js";

const row = {
  measure: "Calls per second",
  atlasExport: "40",
  peer: "peer",
  peerFigure: "20",
  ratio: "2.00×",
};
const section: BenchSection = {
  id: 1,
  title: "Throughput",
  rows: [{ ...row, target: "≥ 1.8×", verdict: "met" }],
  method: ["First line of the method.", "Second line."],
};

describe("renderSection", () => {
  it("writes the heading, the table and the method's lines under it", () => {
    const text = renderSection(section);
    expect(text.startsWith("## 1. Throughput\n\n| Measure")).toBe(true);
    expect(text).toContain("| ✅ met   |");
    expect(text.endsWith("\n\nFirst line of the method.\nSecond line.")).toBe(true);
  });
});

describe("renderMissed", () => {
  it.each([
    ["no missed row", { verdicts: ["met", "info"] as const, want: "Every target is met in this run." }],
    [
      "missed rows by name",
      { verdicts: ["missed", "met", "missed"] as const, want: "2 target(s) missed in this run: a0; a2." },
    ],
  ])("says so for %s", (_, { verdicts, want }) => {
    const rows = verdicts.map((verdict, index) => ({ ...row, measure: `a${index}`, target: "", verdict }));
    expect(renderMissed([{ ...section, rows }])).toBe(want);
  });
});
