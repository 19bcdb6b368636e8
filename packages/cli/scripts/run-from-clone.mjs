#!/usr/bin/env node
// `npm run atlas-export -- <args>` and `npm run atlas-export-mock -- <args>` at the repository root:
// run a workspace package's command from a clone, where `npx` would ask the npm registry instead.
// The root scripts reach this through scripts/bootstrap.mjs (pinned pnpm, dependencies installed); it
// builds the package and what it depends on (turbo: cached after the first run), then runs the built bin
// with the remaining arguments, in the directory npm was started from, and exits with its exit code.
//
//   node packages/cli/scripts/run-from-clone.mjs atlas-export get --help
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Which workspace package provides each command; the bin path is read from its manifest. */
const COMMANDS = {
  "atlas-export": { packageName: "@atlas-export/cli", dir: "packages/cli" },
  "atlas-export-mock": { packageName: "@atlas-export/mock-server", dir: "packages/mock-server" },
};

const [name, ...args] = process.argv.slice(2);
const command = COMMANDS[name ?? ""];
if (!command) {
  console.error(`run-from-clone: the first argument must be one of ${Object.keys(COMMANDS).join(", ")}`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(root, command.dir, "package.json"), "utf8"));
const bin = join(root, command.dir, manifest.bin[name]);

// turbo's own output goes to stderr, so `npm run -s atlas-export -- get … | jq` gets only the command's.
const build = spawnSync(
  "turbo",
  ["run", "build", `--filter=${command.packageName}...`, "--output-logs=errors-only"],
  { cwd: root, stdio: ["ignore", 2, 2], env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);
if (build.status !== 0) {
  console.error(`run-from-clone: building ${command.packageName} failed (see above)`);
  process.exit(build.status ?? 1);
}

// npm runs scripts in the repository root and says where it was started in INIT_CWD: relative paths
// the user typed (`--jobs-file ./jobs.json`) mean that directory.
const child = spawn(process.execPath, [bin, ...args], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: "inherit",
});
// Ctrl-C reaches the command directly (same process group); a SIGTERM or SIGHUP sent to this process
// is passed on so the command can clean up (revoke its token, stop the emulator) and exit itself.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.once("error", (error) => {
  console.error(`run-from-clone: could not start ${bin}: ${error.message}`);
  process.exit(1);
});
child.once("close", (code, signal) => {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
