import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const built = `${packageDir}dist/cli.js`;

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(`${dir}/${entry.name}`) : statSync(`${dir}/${entry.name}`).mtimeMs,
    ),
  );
}

/**
 * vitest globalSetup: the end-to-end tests spawn dist/cli.js, so make sure it is built from the current
 * sources (turbo's `test` task builds first; a bare `vitest run` after an edit would otherwise test stale code).
 */
export default function setup(): void {
  const stale = !existsSync(built) || statSync(built).mtimeMs < newestSource(`${packageDir}src`);
  if (stale) execFileSync("pnpm", ["exec", "tsup"], { cwd: packageDir, stdio: "inherit" });
}
