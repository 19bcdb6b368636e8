import { join } from "node:path";
import { median } from "./median.js";
import { repoPaths } from "./repo-paths.js";
import { timeCommand } from "./time-command.js";

export interface TypeCheckTime {
  /** Median wall time of `tsc --noEmit`, Node start-up included: what a developer or CI waits. */
  wallMs: number;
  /** Median of tsc's own "Total time" (parse, bind, check). */
  compilerMs: number;
  /** Median of tsc's "Memory used". */
  memoryBytes: number;
}

function diagnostic(output: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+([\\d.]+)(s|K)$`, "m").exec(output);
  if (!match?.[1]) throw new Error(`@atlas-export/bench: tsc --extendedDiagnostics printed no "${name}"`);
  return match[2] === "s" ? Number(match[1]) * 1000 : Number(match[1]) * 1024;
}

/** Type-checks the project in `dir` `runs` times with the workspace's TypeScript. */
export async function typeCheckTime(dir: string, runs = 3): Promise<TypeCheckTime> {
  const tsc = join(repoPaths.bench, "node_modules/typescript/bin/tsc");
  const wall: number[] = [];
  const compiler: number[] = [];
  const memory: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { ms, stdout } = await timeCommand(
      process.execPath,
      [tsc, "-p", "tsconfig.json", "--noEmit", "--extendedDiagnostics"],
      { cwd: dir },
    );
    wall.push(ms);
    compiler.push(diagnostic(stdout, "Total time"));
    memory.push(diagnostic(stdout, "Memory used"));
  }
  return { wallMs: median(wall), compilerMs: median(compiler), memoryBytes: median(memory) };
}
