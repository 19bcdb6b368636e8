import { join } from "node:path";
import { median } from "./median.js";
import { repoPaths } from "./repo-paths.js";
import { timeCommand } from "./time-command.js";

export interface TypeCheckTime {
  /** Median wall time of `tsc --noEmit`, Node start-up included: what a developer or CI waits. */
  wallMs: number;
  /** Slowest minus fastest wall time: how far apart runs of the same program land on this machine now. */
  wallSpreadMs: number;
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

/**
 * Type-checks the project in `dir` `runs` times with the workspace's TypeScript; any type error is an
 * error naming it, never a figure.
 */
export async function typeCheckTime(dir: string, runs = 5): Promise<TypeCheckTime> {
  const tsc = join(repoPaths.bench, "node_modules/typescript/bin/tsc");
  const wall: number[] = [];
  const compiler: number[] = [];
  const memory: number[] = [];
  const check: number[] = [];
  let types = 0;
  let instantiations = 0;
  for (let run = 0; run < runs; run += 1) {
    // tsc exits 1 or 2 on type errors; they are reported below with tsc's own messages, which come before
    // the diagnostics in stdout (timeCommand's error would show only the end of it).
    const { ms, stdout, exitCode } = await timeCommand(
      process.execPath,
      [tsc, "-p", "tsconfig.json", "--noEmit", "--extendedDiagnostics"],
      { cwd: dir, okExitCodes: [0, 1, 2] },
    );
    // A program that does not compile measures nothing a consumer would pay, so there is no figure for it.
    if (exitCode !== 0) {
      const errors = stdout.split("\n").filter((line) => line.includes("error TS"));
      throw new Error(
        `@atlas-export/bench: the consumer in ${dir} does not type-check (tsc exited ${exitCode}): ` +
          (errors.length > 0 ? errors.join("; ") : stdout.trim().slice(0, 600)),
      );
    }
    wall.push(ms);
    compiler.push(diagnostic(stdout, "Total time"));
    memory.push(diagnostic(stdout, "Memory used"));
    check.push(diagnostic(stdout, "Check time"));
    types = count(stdout, "Types");
    instantiations = count(stdout, "Instantiations");
  }
  return {
    wallMs: median(wall),
    wallSpreadMs: Math.max(...wall) - Math.min(...wall),
    compilerMs: median(compiler),
    memoryBytes: median(memory),
    checkMs: median(check),
    types,
    instantiations,
  };
}
