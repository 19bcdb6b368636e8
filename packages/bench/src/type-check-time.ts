import { basename, join } from "node:path";
import { median } from "./median.js";
import { repoPaths } from "./repo-paths.js";
import { timeCommand } from "./time-command.js";

export interface TypeCheckTime {
  /** Median wall time of `tsc --noEmit`, Node start-up included: what a developer or CI waits. */
  wallMs: number;
  /** Every run's wall time, in round order: runs of different projects in the same round can be paired. */
  wallRunsMs: number[];
  /** Median of tsc's own "Total time" (parse, bind, check). */
  compilerMs: number;
  /** Median of tsc's "Memory used". */
  memoryBytes: number;
  /** Median of tsc's "Check time" (the checker alone, without parse and bind). */
  checkMs: number;
  /** tsc's "Types" count (the same on every run). */
  types: number;
  /** tsc's "Instantiations" count (the same on every run). */
  instantiations: number;
}

function diagnostic(output: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+([\\d.]+)(s|K)$`, "m").exec(output);
  if (!match?.[1]) throw new Error(`@atlas-export/bench: tsc --extendedDiagnostics printed no "${name}"`);
  return match[2] === "s" ? Number(match[1]) * 1000 : Number(match[1]) * 1024;
}

function count(output: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+)$`, "m").exec(output);
  if (!match?.[1]) throw new Error(`@atlas-export/bench: tsc --extendedDiagnostics printed no "${name}"`);
  return Number(match[1]);
}

interface TscRun {
  wallMs: number;
  stdout: string;
}

/** One `tsc --noEmit --extendedDiagnostics` of the project in `dir`; a type error is an error naming it. */
async function runTsc(dir: string): Promise<TscRun> {
  const tsc = join(repoPaths.bench, "node_modules/typescript/bin/tsc");
  // tsc exits 1 or 2 on type errors; they are reported below with tsc's own messages, which come before
  // the diagnostics in stdout (timeCommand's error would show only the end of it).
  const { ms, stdout, exitCode } = await timeCommand(
    process.execPath,
    [tsc, "-p", "tsconfig.json", "--noEmit", "--extendedDiagnostics"],
    { cwd: dir, okExitCodes: [0, 1, 2] },
  );
  // A program that does not compile measures nothing a consumer would pay, so there is no figure for it.
  // The folder's name (e.g. types-only-full) and the errors come first: a "not run" row keeps 160 characters.
  if (exitCode !== 0) {
    const errors = stdout.split("\n").filter((line) => line.includes("error TS"));
    throw new Error(
      `@atlas-export/bench: ${basename(dir)} does not type-check (tsc exited ${exitCode}): ` +
        (errors.length > 0 ? errors.join("; ") : stdout.trim().slice(0, 600)),
    );
  }
  return { wallMs: ms, stdout };
}

function summarize(runs: readonly TscRun[]): TypeCheckTime {
  const last = runs.at(-1)?.stdout ?? "";
  return {
    wallMs: median(runs.map((run) => run.wallMs)),
    wallRunsMs: runs.map((run) => run.wallMs),
    compilerMs: median(runs.map((run) => diagnostic(run.stdout, "Total time"))),
    memoryBytes: median(runs.map((run) => diagnostic(run.stdout, "Memory used"))),
    checkMs: median(runs.map((run) => diagnostic(run.stdout, "Check time"))),
    types: count(last, "Types"),
    instantiations: count(last, "Instantiations"),
  };
}

/**
 * Type-checks each project (name → folder) `runs` times with the workspace's TypeScript, in rounds: every
 * project once per round. On a shared machine the load drifts over a minute; taking turns puts that drift on
 * every project alike instead of on whichever one happened to run during it. Any type error is an error
 * naming it, never a figure.
 */
export async function typeCheckTime<Name extends string>(
  dirs: Readonly<Record<Name, string>>,
  runs = 5,
): Promise<Record<Name, TypeCheckTime>> {
  const projects = Object.entries(dirs) as [Name, string][];
  const results = new Map<Name, TscRun[]>(projects.map(([name]) => [name, []]));
  for (let round = 0; round < runs; round += 1) {
    for (const [name, dir] of projects) results.get(name)?.push(await runTsc(dir));
  }
  return Object.fromEntries(projects.map(([name]) => [name, summarize(results.get(name) ?? [])])) as Record<
    Name,
    TypeCheckTime
  >;
}
