import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installRuntime, RuntimeUnavailableError } from "../install-runtime.mjs";

const bun = {
  id: "bun",
  label: "Bun",
  kind: "bun",
  npmPackage: "bun",
  version: "1.4.5",
  binary: "node_modules/bun/bin/bun.exe",
};
const machineNode = { id: "node20", label: "Node 20", kind: "node" };

let cacheDir;
afterEach(() => cacheDir && rmSync(cacheDir, { recursive: true, force: true }));

/** A fake runCommand answering `--version` with `version` and npm with `npmCode`. */
function fakeRun({ version = "v20.19.0", npmCode = 0 } = {}) {
  const calls = [];
  const run = async (command, args) => {
    calls.push([command, ...args].join(" "));
    if (command === "npm") return { code: npmCode, stdout: "", stderr: "npm error 404 Not Found - GET bun" };
    return { code: 0, stdout: `${version}\n`, stderr: "" };
  };
  return { run, calls };
}

describe("installRuntime", () => {
  it("uses the machine's node when it is Node 20.19 or later 20.x", async () => {
    const { run } = fakeRun({ version: "v20.19.0" });
    await expect(installRuntime(machineNode, { run, execPath: "/usr/bin/node" })).resolves.toEqual({
      binary: "/usr/bin/node",
      version: "v20.19.0",
      source: "this machine",
    });
  });

  it.each(["v20.18.1", "v22.1.0"])(
    "refuses a machine node %s as the oldest supported Node",
    async (version) => {
      const { run } = fakeRun({ version });
      await expect(installRuntime(machineNode, { run })).rejects.toThrow(RuntimeUnavailableError);
      await expect(installRuntime(machineNode, { run })).rejects.toThrow(`this machine's node is ${version}`);
    },
  );

  it("says which package could not be installed when npm fails", async () => {
    cacheDir = mkdtempSync(join(tmpdir(), "runtime-matrix-test-"));
    const { run, calls } = fakeRun({ npmCode: 1 });
    const installing = installRuntime(bun, { cacheDir, run });
    await expect(installing).rejects.toThrow(RuntimeUnavailableError);
    await expect(installing).rejects.toThrow(
      /Bun: could not install bun@1\.4\.5 with npm \(exit code 1\)[^]*404 Not Found/,
    );
    expect(calls).toContainEqual(
      expect.stringMatching(/^npm install .*--ignore-scripts=false .*bun@1\.4\.5$/),
    );
  });

  it("fails when the installed package does not carry a working binary", async () => {
    cacheDir = mkdtempSync(join(tmpdir(), "runtime-matrix-test-"));
    const { run } = fakeRun({ npmCode: 0 });
    await expect(installRuntime(bun, { cacheDir, run })).rejects.toThrow(
      "Bun: bun@1.4.5 installed, but node_modules/bun/bin/bun.exe does not run; expected version 1.4.5",
    );
  });
});
