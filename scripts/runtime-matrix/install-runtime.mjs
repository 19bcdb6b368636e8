import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { childEnv } from "./child-env.mjs";
import { runCommand } from "./run-command.mjs";

/** A runtime of the matrix could not be installed or does not report its pinned version. */
export class RuntimeUnavailableError extends Error {
  name = "RuntimeUnavailableError";
}

/**
 * Makes a runtime's binary available and resolves to `{ binary, version, source }`. The machine's Node is
 * used as it is; the others are installed with npm (install scripts on: bun and deno fetch their platform
 * binary in one) into `<cacheDir>/<id>-<version>`, reused while the binary reports the pinned version.
 * `run` is injectable for tests.
 */
export async function installRuntime(
  runtime,
  { cacheDir, run = runCommand, execPath = process.execPath } = {},
) {
  if (!runtime.npmPackage) {
    const version = (await run(execPath, ["--version"], { env: childEnv() })).stdout.trim();
    // The machine's Node stands for the oldest supported line: `engines` says >=20.19.
    const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
    if (major !== 20 || minor < 19) {
      throw new RuntimeUnavailableError(
        `${runtime.label}: this machine's node is ${version}; the matrix runs it as the oldest supported Node (20.19 or a later 20.x): run it with such a node`,
      );
    }
    return { binary: execPath, version, source: "this machine" };
  }
  const spec = `${runtime.npmPackage}@${runtime.version}`;
  const dir = join(cacheDir, `${runtime.id}-${runtime.version}`);
  const binary = join(dir, runtime.binary);

  const reported = async () => {
    if (!existsSync(binary)) return undefined;
    const result = await run(binary, ["--version"], { env: childEnv(), timeoutMs: 30_000 }).catch(
      () => undefined,
    );
    return result?.code === 0 ? result.stdout.trim().split("\n")[0] : undefined;
  };
  const matches = (output) => output !== undefined && output.includes(runtime.version);

  if (matches(await reported())) return { binary, version: runtime.version, source: `npm ${spec} (cached)` };

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ private: true }, null, 2)}\n`);
  const args = [
    "install",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    "--ignore-scripts=false",
    "--save-exact",
    spec,
  ];
  const installed = await run("npm", args, {
    cwd: dir,
    env: childEnv({}, { forProgram: false }),
    timeoutMs: 300_000,
  }).catch((error) => ({ code: null, stdout: "", stderr: error.message }));
  if (installed.code !== 0) {
    const output = `${installed.stdout}${installed.stderr}`.trim().split("\n").slice(-8).join("\n");
    throw new RuntimeUnavailableError(
      `${runtime.label}: could not install ${spec} with npm (exit code ${installed.code}); check the network and the registry (npm config get registry):\n${output}`,
    );
  }
  const output = await reported();
  if (!matches(output)) {
    throw new RuntimeUnavailableError(
      `${runtime.label}: ${spec} installed, but ${runtime.binary} ${output === undefined ? "does not run" : `reports ${JSON.stringify(output)}`}; expected version ${runtime.version}`,
    );
  }
  return { binary, version: runtime.version, source: `npm ${spec}` };
}
