// Temporary repositories for the tests: a spec/ and a .changeset/ folder the tests may write to, so no
// test ever touches the real spec/openapi.yaml.
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { repoRoot } from "../../sync.mjs";

export const realSpec = join(repoRoot, "spec", "openapi.yaml");
export const upstreamDir = join(repoRoot, "..", "shared", "upstream");
export const hasUpstream = existsSync(join(upstreamDir, "atlas-v2-2026-08-21.yaml"));
export const upstreamFile = (date) => join(upstreamDir, `atlas-v2-${date}.yaml`);

const created = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A temporary folder removed after the test. */
export async function tempFolder() {
  const folder = await mkdtemp(join(tmpdir(), "spec-sync-test-"));
  created.push(folder);
  return folder;
}

/** A temporary repository root holding spec/openapi.yaml (the real one unless `fragment` is given). */
export async function tempRepo({ fragment } = {}) {
  const root = await tempFolder();
  await mkdir(join(root, "spec"));
  await mkdir(join(root, ".changeset"));
  if (fragment === undefined) await copyFile(realSpec, join(root, "spec", "openapi.yaml"));
  else await writeFile(join(root, "spec", "openapi.yaml"), fragment);
  return root;
}

/** Every file under spec/ and .changeset/ with its content, to show that nothing was written. */
export async function snapshot(root) {
  const files = {};
  for (const folder of ["spec", ".changeset"])
    for (const name of await readdir(join(root, folder)))
      files[`${folder}/${name}`] = await readFile(join(root, folder, name), "utf8");
  return files;
}
