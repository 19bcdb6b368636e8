import type { BenchRow, BenchSection, Verdict } from "./bench-section.js";
import type { MachineDescription } from "./describe-machine.js";
import { markdownTable } from "./markdown-table.js";

export interface BenchRun {
  machine: MachineDescription;
  startedAt: Date;
  durationMs: number;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: string;
  sections: readonly BenchSection[];
}

const verdicts: Record<Verdict, string> = {
  met: "✅ met",
  missed: "❌ missed",
  info: "—",
  "not run": "⚠️ not run",
};

const columns = ["Measure", "atlas-export", "Peer", "Peer figure", "Ratio", "Target", "Verdict"];

function cells(row: BenchRow): string[] {
  return [
    row.measure,
    row.atlasExport,
    row.peer,
    row.peerFigure,
    row.ratio,
    row.target,
    verdicts[row.verdict],
  ];
}

/** The rows each benchmark marks as headline, in one table (the README shows it too). */
export function renderHeadline(sections: readonly BenchSection[]): string {
  const rows = sections.flatMap((section) =>
    section.rows.filter((row) => row.headline).map((row) => [String(section.id), ...cells(row)]),
  );
  return markdownTable(["#", ...columns], rows);
}

/** "Every target is met in this run." or the list of missed rows: RESULTS.md and the README say the same. */
export function renderMissed(sections: readonly BenchSection[]): string {
  const missed = sections.flatMap((section) => section.rows).filter((row) => row.verdict === "missed");
  return missed.length === 0
    ? "Every target is met in this run."
    : `${missed.length} target(s) missed in this run: ${missed.map((row) => row.measure).join("; ")}.`;
}

/** One numbered benchmark as Markdown: heading, table, then its method in at most three lines. */
export function renderSection(section: BenchSection): string {
  return [
    `## ${section.id}. ${section.title}`,
    "",
    markdownTable(columns, section.rows.map(cells)),
    "",
    section.method.join("\n"),
  ].join("\n");
}

/** The whole of packages/bench/RESULTS.md. */
export function renderResults(run: BenchRun): string {
  const { machine } = run;
  return [
    "# atlas-export benchmarks",
    "",
    `Written by \`pnpm bench\` on ${run.startedAt.toISOString()} in ${(run.durationMs / 1000).toFixed(0)} s. ` +
      "Do not edit by hand: run `pnpm bench` again. Every figure comes from this one run, atlas-export and its " +
      "peers measured against the same servers; timings vary with the machine and its load, counts do not.",
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
    renderMissed(run.sections),
    "",
    ...run.sections.flatMap((section) => [renderSection(section), ""]),
  ].join("\n");
}
