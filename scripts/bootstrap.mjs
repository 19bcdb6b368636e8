#!/usr/bin/env node
// One-command setup for a fresh clone with only Node.js 20+ and npm: make sure the pinned pnpm is there
// (installed with npm into .pnpm-bootstrap/, never through corepack, whose signature check fails on some
// machines), install the dependencies from the lockfile, then run the given command with pnpm.
//
//   node scripts/bootstrap.mjs turbo run test       -> pnpm exec turbo run test
//   node scripts/bootstrap.mjs pnpm --filter x demo -> pnpm --filter x demo
//
// Other scripts can `import { ensurePnpm, ensureDependencies, runPnpm } from "./bootstrap.mjs"`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
export const pnpmVersion = /^pnpm@(\d+\.\d+\.\d+)/.exec(manifest.packageManager ?? "")?.[1];
const isWindows = process.platform === "win32";

function fail(message) {
  console.error(`bootstrap: ${message}`);
  process.exit(1);
}

function versionOf(command) {
  const result = spawnSync(command, ["--version"], { encoding: "utf8", shell: isWindows });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Returns a pnpm command of exactly the pinned version, installing it locally with npm if needed. */
export function ensurePnpm() {
  if (!pnpmVersion) fail('package.json needs "packageManager": "pnpm@X.Y.Z"');
  const [major] = process.versions.node.split(".").map(Number);
  if (major < 20)
    fail(`Node.js 20 or newer is needed (this is ${process.version}); install it and run again.`);
  if (versionOf("pnpm") === pnpmVersion) return "pnpm";
  const prefix = join(root, ".pnpm-bootstrap");
  const local = join(prefix, "node_modules", ".bin", isWindows ? "pnpm.cmd" : "pnpm");
  if (existsSync(local) && versionOf(local) === pnpmVersion) return local;
  console.error(`bootstrap: installing pnpm ${pnpmVersion} into .pnpm-bootstrap/ with npm`);
  const npm = spawnSync(
    "npm",
    [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pnpmVersion}`,
    ],
    { stdio: "inherit", shell: isWindows },
  );
  if (npm.status !== 0 || versionOf(local) !== pnpmVersion)
    fail(`could not install pnpm ${pnpmVersion} with npm`);
  return local;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Installs from the lockfile when node_modules is missing or older than the lockfile or a manifest. */
export function ensureDependencies(pnpm) {
  const installedAt = mtime(join(root, "node_modules", ".modules.yaml"));
  const inputs = [
    join(root, "pnpm-lock.yaml"),
    join(root, "package.json"),
    join(root, "pnpm-workspace.yaml"),
  ];
  if (installedAt > 0 && inputs.every((path) => mtime(path) <= installedAt)) return;
  // Install progress goes to stderr: stdout belongs to the command run after it (`npm run -s x | jq`).
  const result = spawnSync(pnpm, ["install", "--frozen-lockfile"], {
    cwd: root,
    stdio: ["inherit", 2, 2],
    shell: isWindows,
  });
  if (result.status !== 0) fail("`pnpm install --frozen-lockfile` failed (see above)");
}

/** The environment for child processes: turbo and nested scripts look pnpm up on the PATH. */
export function pnpmEnv(pnpm) {
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
  if (pnpm !== "pnpm") env.PATH = `${dirname(pnpm)}${delimiter}${env.PATH ?? ""}`;
  return env;
}

/** Runs pnpm with these arguments from the repository root; resolves to its exit code. */
export function runPnpm(pnpm, args) {
  const result = spawnSync(pnpm, args, {
    cwd: root,
    stdio: "inherit",
    shell: isWindows,
    env: pnpmEnv(pnpm),
  });
  if (result.error) fail(result.error.message);
  return result.status ?? 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const pnpm = ensurePnpm();
  ensureDependencies(pnpm);
  if (args.length === 0) process.exit(0);
  const pnpmArgs = args[0] === "pnpm" ? args.slice(1) : ["exec", ...args];
  process.exit(runPnpm(pnpm, pnpmArgs));
}
