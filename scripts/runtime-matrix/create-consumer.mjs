import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { childEnv } from "./child-env.mjs";
import { runChecked } from "./run-command.mjs";

const smokeProgram = new URL("./smoke.mjs", import.meta.url);

/** The package.json of a fresh consumer: ESM, depending on each packed tarball by its file path. */
export function consumerManifest(packed) {
  return {
    name: "atlas-export-runtime-matrix-consumer",
    version: "0.0.0",
    private: true,
    type: "module",
    dependencies: Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${tarball}`])),
  };
}

/**
 * Creates a fresh consumer project in `dir` (package.json, the smoke program) and installs the tarballs
 * with npm, third-party dependencies from the usual registry. Every package depends on the tarball of
 * @atlas-export/types at the top level, so npm never looks for ours on the registry.
 */
export async function createConsumer(dir, packed) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(consumerManifest(packed), null, 2)}\n`);
  copyFileSync(smokeProgram, join(dir, "smoke.mjs"));
  await runChecked("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"], {
    cwd: dir,
    env: childEnv({}, { forProgram: false }),
    timeoutMs: 300_000,
  });
  return dir;
}
