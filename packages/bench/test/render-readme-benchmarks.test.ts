import { describe, expect, it } from "vitest";
import type { BenchRun } from "../src/render-results.js";
import { renderReadmeBenchmarks } from "../src/render-readme-benchmarks.js";

const run: BenchRun = {
  machine: { cpu: "Test CPU", cores: 2, memory: "1 GiB", node: "v20.20.2", os: "Linux", loadAverage: "0.10" },
  startedAt: new Date("2026-11-28T12:00:00Z"),
  durationMs: 60_000,
  loadAverageAtEnd: "0.50",
  sections: [
    {
      id: 2,
      title: "Request overhead",
      method: ["How it was measured."],
      rows: [
        {
          measure: "Median latency",
          atlasExport: "400 µs",
          peer: "bare fetch",
          peerFigure: "350 µs",
          ratio: "1.14×",
          target: "≤ 1.10×",
          verdict: "missed",
          headline: true,
        },
        {
          measure: "Not in the headline",
          atlasExport: "1",
          peer: "x",
          peerFigure: "1",
          ratio: "",
          target: "",
          verdict: "info",
        },
      ],
    },
  ],
};

const readme = "# Title\n\nIntro.\n\n## Benchmarks\n\nold table\n\n## Layout\n\nkept\n";

describe("renderReadmeBenchmarks", () => {
  it("replaces only the Benchmarks section with the run's headline rows", () => {
    const out = renderReadmeBenchmarks(readme, run);
    expect(out.startsWith("# Title\n\nIntro.\n\n## Benchmarks\n")).toBe(true);
    expect(out.endsWith("\n## Layout\n\nkept\n")).toBe(true);
    expect(out).not.toContain("old table");
    expect(out).toContain("| 2   | Median latency |");
    expect(out).not.toContain("Not in the headline");
    expect(out).toContain("1 target(s) missed in this run: Median latency.");
    expect(out).toContain("load average at start / end 0.10 / 0.50");
  });

  it("refuses a README without a Benchmarks section", () => {
    expect(() => renderReadmeBenchmarks("# Title\n\n## Layout\n", run)).toThrow(/no "## Benchmarks" section/);
  });
});
