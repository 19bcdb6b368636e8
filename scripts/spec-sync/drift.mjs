#!/usr/bin/env node
// `pnpm spec:drift` (run by .ci/run): fails when spec/openapi.yaml and the newest upstream spec in
// <repo>/../shared/upstream differ in a way x-atlas-export-deviations does not record as deliberate, so
// drift is noticed the day a new upstream file is dropped in. Skips, saying so, when there is no such
// folder (SPEC_DRIFT_UPSTREAM_DIR names another one).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findNewestUpstream } from "./find-newest-upstream.mjs";
import { SpecSyncError } from "./spec-sync-error.mjs";
import { repoRoot, syncSpec } from "./sync.mjs";

/** Runs the check; returns the exit code (0 in step or skipped, 1 drift, 2 bad input). */
export async function checkDrift({
  root = repoRoot,
  upstreamDir = process.env.SPEC_DRIFT_UPSTREAM_DIR || join(root, "..", "shared", "upstream"),
  stdout = console.log,
  stderr = console.error,
} = {}) {
  const newest = await findNewestUpstream(upstreamDir);
  if (!newest) {
    stdout(`spec:drift: skipped: no upstream spec (atlas-v2-YYYY-MM-DD.yaml) in ${upstreamDir}.`);
    return 0;
  }
  try {
    const result = await syncSpec({ from: newest.file, root });
    if (result.exitCode === 0) {
      stdout(
        `spec:drift: spec/openapi.yaml is in step with ${newest.file} (every difference is a recorded deviation).`,
      );
      return 0;
    }
    stdout(result.report);
    stderr(
      `\nspec:drift: spec/openapi.yaml differs from the newest upstream (${newest.date}) in ${result.summary.changes.length}` +
        ` way(s) it does not record as deliberate. Take them with \`pnpm spec:sync --from ${newest.file} --write\`,` +
        " or record each in x-atlas-export-deviations with its `why`.",
    );
    return 1;
  } catch (error) {
    stderr(`spec:drift: ${error.message}`);
    return error instanceof SpecSyncError ? 2 : 3;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = await checkDrift();
