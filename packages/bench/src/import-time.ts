import { median } from "./median.js";
import { repoPaths } from "./repo-paths.js";
import { timeCommand } from "./time-command.js";

/**
 * The median time a fresh Node process spends in `await import(specifier)` (module resolution, loading,
 * evaluation), measured inside the process so Node's own start-up is not counted.
 */
export async function importTime(specifier: string, runs = 7): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { stdout } = await timeCommand(process.execPath, ["--input-type=module", "-e", script], {
      cwd: repoPaths.bench,
    });
    samples.push(Number(stdout));
  }
  return median(samples);
}
