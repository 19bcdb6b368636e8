// The command as users run it: a real process, its exit code and output. Read-only against the real
// spec/ (no --write here; writes are tested on temporary copies).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeSpec } from "./support/small-spec.mjs";
import { hasUpstream, tempFolder, upstreamFile } from "./support/temp-repo.mjs";

const cli = fileURLToPath(new URL("../cli.mjs", import.meta.url));
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

describe("node scripts/spec-sync/cli.mjs", () => {
  it("prints the usage with --help and exits 0", () => {
    const result = run("--help");
    expect(result.stdout).toContain("usage: pnpm spec:sync --from");
    expect(result.status).toBe(0);
  });

  it("exits 2 on a file that is not a spec", async () => {
    const result = run("--from", await writeSpec(await tempFolder(), { not: "a spec" }));
    expect(result.stderr).toContain("is not an OpenAPI 3 document");
    expect(result.status).toBe(2);
  });

  it.skipIf(!hasUpstream)("exits 1 and reports the size of the change for an upstream that differs", () => {
    const result = run("--from", upstreamFile("2025-06-30"));
    expect(result.stdout).toMatch(
      /\d+ changes to take from upstream: \d+ breaking, \d+ non-breaking, \d+ docs-only -> major release/,
    );
    expect(result.status).toBe(1);
  });

  it.skipIf(!hasUpstream)("exits 0 for the newest real upstream", () => {
    const result = run(`--from=${upstreamFile("2026-08-21")}`);
    expect(result.stdout).toContain("Nothing to do");
    expect(result.status).toBe(0);
  });
});
