import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { childEnv } from "./child-env.mjs";
import { runChecked } from "./run-command.mjs";

/** The published packages, in dependency order (spec -> types -> client -> cli; mock-server needs types). */
export const PUBLISHED_PACKAGES = Object.freeze([
  "@atlas-export/types",
  "@atlas-export/client",
  "@atlas-export/mock-server",
  "@atlas-export/cli",
]);

/** `@atlas-export/client` at 1.2.3 -> `atlas-export-client-1.2.3.tgz`, the name `pnpm pack` gives it. */
export function tarballName(name, version) {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

/**
 * Builds the published packages (turbo: a cache hit after `npm test`) and packs each with `pnpm pack`,
 * which writes real version ranges for `workspace:` and `catalog:`, exactly as a release does. Resolves to
 * `[{ name, version, tarball }]`.
 */
export async function packPackages({ root, pnpm, destination }) {
  const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, "packages", entry.name, "package.json")))
    .map((entry) => {
      const dir = join(root, "packages", entry.name);
      return { dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
    });
  const env = childEnv({ TURBO_TELEMETRY_DISABLED: "1" }, { forProgram: false });
  const filters = PUBLISHED_PACKAGES.map((name) => `--filter=${name}`);
  await runChecked(pnpm, ["exec", "turbo", "run", "build", ...filters, "--output-logs=errors-only"], {
    cwd: root,
    env,
    timeoutMs: 600_000,
  });
  mkdirSync(destination, { recursive: true });
  const packed = [];
  for (const name of PUBLISHED_PACKAGES) {
    const found = packages.find(({ manifest }) => manifest.name === name);
    if (!found) throw new Error(`runtime matrix: ${name} is not under packages/`);
    await runChecked(pnpm, ["pack", "--pack-destination", destination], { cwd: found.dir, env });
    const tarball = join(destination, tarballName(name, found.manifest.version));
    if (!existsSync(tarball)) throw new Error(`runtime matrix: pnpm pack did not write ${tarball}`);
    packed.push({ name, version: found.manifest.version, tarball });
  }
  return packed;
}
