import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDrift } from "../drift.mjs";
import { findNewestUpstream } from "../find-newest-upstream.mjs";
import { hasUpstream, tempFolder, tempRepo, upstreamFile } from "./support/temp-repo.mjs";

async function run(options) {
  const out = [];
  const code = await checkDrift({
    ...options,
    stdout: (line) => out.push(line),
    stderr: (line) => out.push(line),
  });
  return { code, output: out.join("\n") };
}

describe("findNewestUpstream", () => {
  it("picks the latest date in the file names, not the latest file written", async () => {
    const folder = await tempFolder();
    for (const name of [
      "atlas-v2-2026-08-21.yaml",
      "atlas-v2-2024-08-27.yaml",
      "notes.yaml",
      "atlas-v2-2025-06-30.json",
    ])
      await writeFile(join(folder, name), "");
    await writeFile(join(folder, "atlas-v2-2024-01-01.yaml"), "");
    expect(await findNewestUpstream(folder)).toEqual({
      file: join(folder, "atlas-v2-2026-08-21.yaml"),
      date: "2026-08-21",
    });
  });

  it("answers undefined for a folder that does not exist", async () => {
    expect(await findNewestUpstream("/nonexistent/upstream")).toBeUndefined();
  });
});

describe("spec:drift", () => {
  it("skips, saying so, when there is no upstream folder", async () => {
    const { code, output } = await run({ root: await tempRepo(), upstreamDir: "/nonexistent/upstream" });
    expect(code).toBe(0);
    expect(output).toContain("spec:drift: skipped: no upstream spec");
  });

  it.skipIf(!hasUpstream)("passes for the repository's fragment and the newest real upstream", async () => {
    const upstreamDir = await tempFolder();
    await copyFile(upstreamFile("2024-08-27"), join(upstreamDir, "atlas-v2-2024-08-27.yaml"));
    await copyFile(upstreamFile("2026-08-21"), join(upstreamDir, "atlas-v2-2026-08-21.yaml"));
    const { code, output } = await run({ root: await tempRepo(), upstreamDir });
    expect(output).toContain("is in step with");
    expect(code).toBe(0);
  });

  it.skipIf(!hasUpstream)("fails when a difference is not recorded as a deliberate deviation", async () => {
    const root = await tempRepo();
    const spec = join(root, "spec", "openapi.yaml");
    const text = await readFile(spec, "utf8");
    const withoutRecord = text.replace(
      /  - location: operations\.getBackupExportJob\.parameters\.query\.pretty\n(    .*\n)+?(?=  - location)/,
      "",
    );
    expect(withoutRecord).not.toBe(text);
    await writeFile(spec, withoutRecord);
    const upstreamDir = await tempFolder();
    await copyFile(upstreamFile("2026-08-21"), join(upstreamDir, "atlas-v2-2026-08-21.yaml"));
    const { code, output } = await run({ root, upstreamDir });
    expect(code).toBe(1);
    expect(output).toContain(
      "- operations.getBackupExportJob.parameters.query.pretty (removed; request parameter removed)",
    );
    expect(output).toContain("record each in x-atlas-export-deviations");
  });
});
