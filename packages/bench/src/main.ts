// `pnpm bench`: runs the numbered benchmark programs one after the other (never in parallel, so they do
// not compete for the CPU), prints each table as it completes, then writes RESULTS.md.
// `pnpm bench -- 1 6` runs only rows 1 and 6 and prints them without touching RESULTS.md.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { notRunRow, type BenchSection } from "./bench-section.js";
import { describeMachine } from "./describe-machine.js";
import { markdownTable } from "./markdown-table.js";
import { benchDigestRoundTrips } from "./programs/digest-round-trips.js";
import { benchRequestLatency } from "./programs/request-latency.js";
import { benchServiceAccountTokens } from "./programs/service-account-tokens.js";
import { benchWaiting } from "./programs/waiting.js";
import { benchMemory } from "./programs/memory.js";
import { benchSizeAndTypeCost } from "./programs/size-and-type-cost.js";
import { renderReadmeBenchmarks } from "./render-readme-benchmarks.js";
import { renderHeadline, renderResults, renderSection } from "./render-results.js";
import { repoPaths } from "./repo-paths.js";

interface BenchProgram {
  id: number;
  title: string;
  run: () => Promise<BenchSection>;
}

const programs: BenchProgram[] = [
  { id: 1, title: "Digest round trips and throughput", run: benchDigestRoundTrips },
  { id: 2, title: "Request latency", run: benchRequestLatency },
  { id: 3, title: "Service-account tokens", run: benchServiceAccountTokens },
  { id: 4, title: "Waiting", run: benchWaiting },
  { id: 5, title: "Memory", run: benchMemory },
  { id: 6, title: "Size and type cost", run: benchSizeAndTypeCost },
];

const selected = process.argv
  .slice(2)
  .filter((arg) => arg !== "--")
  .map(Number);
const unknown = selected.filter((id) => !programs.some((program) => program.id === id));
if (unknown.length > 0) {
  console.error(
    `@atlas-export/bench: no benchmark numbered ${unknown.join(", ")}; choose from ${programs.map((p) => p.id).join(", ")}`,
  );
  process.exit(2);
}

const machine = describeMachine();
const startedAt = new Date();
const started = performance.now();
console.log(
  markdownTable(
    ["CPU", "Cores", "Memory", "Node.js", "OS", "Load (1 min)"],
    [[machine.cpu, String(machine.cores), machine.memory, machine.node, machine.os, machine.loadAverage]],
  ),
);

const sections: BenchSection[] = [];
for (const program of programs) {
  if (selected.length > 0 && !selected.includes(program.id)) continue;
  console.log(`\n… ${program.id}. ${program.title}`);
  const programStarted = performance.now();
  let section: BenchSection;
  try {
    section = await program.run();
  } catch (error) {
    section = {
      id: program.id,
      title: program.title,
      rows: [notRunRow({ measure: program.title, peer: "", target: "" }, error)],
      method: ["The program stopped with the error in the row above."],
    };
  }
  sections.push(section);
  console.log(`\n${renderSection(section)}\n(${((performance.now() - programStarted) / 1000).toFixed(1)} s)`);
}

const durationMs = performance.now() - started;
console.log(`\nHeadline\n\n${renderHeadline(sections)}\n`);
if (selected.length === 0) {
  const loadAverageAtEnd = os.loadavg()[0]?.toFixed(2) ?? "n/a";
  const run = { machine, startedAt, durationMs, loadAverageAtEnd, sections };
  await writeFile(repoPaths.results, renderResults(run));
  console.log(`wrote ${repoPaths.results} (${(durationMs / 1000).toFixed(0)} s)`);
  // The README's headline comes from the same run; prettier then lays it out as `pnpm format:check` wants.
  await writeFile(repoPaths.readme, renderReadmeBenchmarks(await readFile(repoPaths.readme, "utf8"), run));
  execFileSync("pnpm", ["exec", "prettier", "--write", repoPaths.readme], {
    cwd: repoPaths.root,
    stdio: "ignore",
  });
  console.log(`rewrote the "## Benchmarks" section of ${repoPaths.readme}`);
}
