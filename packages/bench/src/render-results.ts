import type { BenchSection } from "./bench-section.js";
import type { MachineDescription } from "./describe-machine.js";
import { markdownTable } from "./markdown-table.js";
import { renderHeadline } from "./render-headline.js";
import { renderSection } from "./render-section.js";

export interface BenchRun {
  machine: MachineDescription;
  startedAt: Date;
  durationMs: number;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: string;
  sections: readonly BenchSection[];
}

/** The whole of packages/bench/RESULTS.md. */
export function renderResults(run: BenchRun): string {
  const { machine } = run;
  const missed = run.sections.flatMap((section) => section.rows).filter((row) => row.verdict === "missed");
  return [
    "# atlas-export benchmarks",
    "",
    `Written by \`pnpm bench\` on ${run.startedAt.toISOString()} in ${(run.durationMs / 1000).toFixed(0)} s. ` +
      "Do not edit by hand: run `pnpm bench` again. Every figure comes from one run, with atlas-export and its " +
      "peers measured against the same loopback servers; timings vary from machine to machine and run to run, " +
      "counts of requests do not.",
    "",
    "## Machine",
    "",
    markdownTable(
      ["CPU", "Cores", "Memory", "Node.js", "OS", "Load average (1 min) at start / end"],
      [
        [
          machine.cpu,
          String(machine.cores),
          machine.memory,
          machine.node,
          machine.os,
          `${machine.loadAverage} / ${run.loadAverageAtEnd}`,
        ],
      ],
    ),
    "",
    "## Headline",
    "",
    renderHeadline(run.sections),
    "",
    missed.length === 0
      ? "Every target is met in this run."
      : `${missed.length} target(s) missed in this run: ${missed.map((row) => row.measure).join("; ")}.`,
    "",
    ...run.sections.flatMap((section) => [renderSection(section), ""]),
  ].join("\n");
}
