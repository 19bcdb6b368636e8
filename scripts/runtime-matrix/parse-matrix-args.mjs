import { RUNTIMES } from "./runtimes.mjs";

export const MATRIX_USAGE = `Usage: node scripts/runtime-matrix/cli.mjs [--only ID[,ID...]] [--keep]

  --only ID,...  run only these runtimes (${RUNTIMES.map((runtime) => runtime.id).join(", ")})
  --keep         keep the temporary consumer projects for a post-mortem`;

export class MatrixUsageError extends Error {
  name = "MatrixUsageError";
}

/** Reads the command line of cli.mjs into `{ runtimes, keep }`; throws MatrixUsageError on anything else. */
export function parseMatrixArgs(argv, runtimes = RUNTIMES) {
  let selected = runtimes;
  let keep = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === "--keep") {
      keep = true;
    } else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++index] : arg.slice("--only=".length);
      if (!value) throw new MatrixUsageError("--only needs a comma-separated list of runtime ids");
      const ids = value.split(",").map((id) => id.trim());
      const unknown = ids.filter((id) => !runtimes.some((runtime) => runtime.id === id));
      if (unknown.length > 0) {
        throw new MatrixUsageError(
          `--only: unknown runtime ${unknown.join(", ")} (known: ${runtimes.map((runtime) => runtime.id).join(", ")})`,
        );
      }
      selected = runtimes.filter((runtime) => ids.includes(runtime.id));
    } else {
      throw new MatrixUsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return { runtimes: selected, keep };
}
