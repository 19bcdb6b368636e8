import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { runProgram } from "../support/run-built-cli.js";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

/** `npm run -s <script> -- <args>` at the repository root, as the README tells a newcomer to type. */
function npmRun(script: string, args: string[]) {
  return runProgram("npm", ["run", "-s", "--prefix", root, script, "--", ...args], {
    HOME: process.env.HOME ?? "",
  });
}

describe("root scripts that run the commands from a clone", () => {
  it("npm run atlas-export -- --version runs the built CLI with the arguments, stdout clean", async () => {
    const run = await npmRun("atlas-export", ["--version"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
  });

  it("passes the command's exit code through (no arguments: usage error, exit 2)", async () => {
    const run = await npmRun("atlas-export", []);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage:/m);
  });

  it("npm run atlas-export-mock -- --help runs the emulator's command", async () => {
    const run = await npmRun("atlas-export-mock", ["--help"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: atlas-export-mock/);
  });
});
