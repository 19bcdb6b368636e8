import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runProgram } from "./support/run-built-cli.js";

const DEMO = fileURLToPath(new URL("../scripts/demo.mjs", import.meta.url));

function runDemo(env: Record<string, string>) {
  return runProgram(process.execPath, [DEMO], env);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("npm run demo (scripts/demo.mjs)", () => {
  it("creates a bucket, exports the latest snapshot, watches it to Successful, lists the exports, exits 0 and stops the emulator", async () => {
    // A 1.5 s export instead of the real demo's 10 s; everything else is what `npm run demo` runs.
    const run = await runDemo({ ATLAS_EXPORT_DEMO_DURATION_MS: "1500" });
    expect(run.code, run.stderr).toBe(0);

    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.stdout)?.[1]);
    expect(port).toBeGreaterThan(0);
    for (const command of ["buckets create", "snapshots list", "jobs create", "jobs list"])
      expect(run.stdout).toContain(`$ atlas-export ${command} `);
    expect(run.stdout).toMatch(/"cloudProvider": "AWS"/);
    expect(run.stdout).toMatch(/^ID +CREATED +STATUS/m);
    // jobs create --watch (not a terminal here): one line per change on stderr, ending Successful.
    expect(run.stderr).toMatch(/exporting snapshot [a-f0-9]{24}, taken .* \(the newest completed\)/);
    expect(run.stderr).toMatch(/^\[\d+:\d\d\] InProgress  \d+\/48 collections/m);
    expect(run.stderr).toMatch(/^\[\d+:\d\d\] Successful  48\/48 collections \(100%\)$/m);
    expect(run.stdout).toMatch(/^State +Successful$/m);
    expect(run.stdout).toMatch(/^1 export job\(s\): [a-f0-9]{24} Successful$/m);
    expect(run.stdout).toContain("Demo summary");
    expect(run.stdout).toMatch(/export +latest snapshot to demo-exports: Successful after [\d.]+ s/);
    expect(run.stdout).toMatch(
      /emulator +\d+ requests, 1 token minted \/ 1 revoked, [1-9]\d* digest challenge\(s\); stopped/,
    );
    expect(run.stdout).not.toContain("\x1b"); // plain text when not on a terminal
    expect(await isListening(port)).toBe(false);
  });

  it("refuses a nonsense duration with exit 2", async () => {
    const run = await runDemo({ ATLAS_EXPORT_DEMO_DURATION_MS: "soon" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ATLAS_EXPORT_DEMO_DURATION_MS");
  });
});
