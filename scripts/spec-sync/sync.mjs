// Programmatic entry point of `pnpm spec:sync`: compare spec/openapi.yaml with an upstream Atlas v2 spec
// and, with `write`, take upstream's changes into spec/, regenerate the types and write a changeset.
//
//   import { syncSpec } from "./scripts/spec-sync/sync.mjs";
//   const { exitCode, report } = await syncSpec({ from: "../shared/upstream/atlas-v2-2026-08-21.yaml" });
//
// Bad input throws SpecSyncError (the CLI exits 2); nothing is written before every check has passed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { atomicWrite, stageFile } from "./atomic-write.mjs";
import { compareOperations } from "./compare-operations.mjs";
import { readDeviations } from "./deviations.mjs";
import { checkAliases } from "./check-aliases.mjs";
import { checkMediaTypes } from "./check-media-types.mjs";
import { extractOperations, httpMethods } from "./extract-operations.mjs";
import { formatReport } from "./format-report.mjs";
import { openSpecFile, openSpecText } from "./load-spec.mjs";
import { mergeUpstream } from "./merge-upstream.mjs";
import { findDependents } from "./find-dependents.mjs";
import { packagesFor, renderChangeset } from "./render-changeset.mjs";
import { SpecSyncError } from "./spec-sync-error.mjs";
import { summarizeDifferences } from "./summarize-differences.mjs";

/** The repository this script belongs to. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs `pnpm run generate` in the repository (spec/openapi.yaml -> packages/types/src/generated/) through
 * scripts/bootstrap.mjs, which finds the pinned pnpm even when it is not on the PATH.
 */
export async function runGenerate({ root }) {
  const result = spawnSync(
    process.execPath,
    [join(root, "scripts", "bootstrap.mjs"), "pnpm", "run", "generate"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    },
  );
  if (result.error || result.status !== 0)
    throw new Error(
      `\`pnpm run generate\` failed: ${
        result.error?.message ?? (result.stderr || result.stdout).trim().split("\n").slice(-5).join("\n")
      }`,
    );
}

async function formatYaml(text) {
  // prettier is a root devDependency; the repository's config (printWidth 110) applies to spec/.
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(join(repoRoot, "spec", "openapi.yaml"))) ?? {};
  return prettier.format(text, { ...config, parser: "yaml" });
}

/** The operations the fragment takes from upstream, from `x-atlas-export-upstream.operations`. */
function listedOperations(document, fragmentName) {
  const list = document?.["x-atlas-export-upstream"]?.operations;
  const needs =
    `${fragmentName} needs x-atlas-export-upstream.operations: a list of {operationId, upstreamOperationId,` +
    " method, path}, one entry per operation taken from upstream";
  if (!Array.isArray(list) || list.length === 0) throw new SpecSyncError(`${needs}.`);
  const seen = new Set();
  const entries = list.map((entry, i) => {
    const method = typeof entry?.method === "string" ? entry.method.toLowerCase() : undefined;
    if (
      typeof entry?.operationId !== "string" ||
      typeof entry?.path !== "string" ||
      !httpMethods.includes(method ?? "")
    )
      throw new SpecSyncError(`${needs}; entry ${i} is not one.`);
    if (seen.has(entry.operationId))
      throw new SpecSyncError(
        `${fragmentName}: x-atlas-export-upstream.operations lists ${entry.operationId} twice.`,
      );
    seen.add(entry.operationId);
    return { ...entry, method };
  });
  // The list and the fragment's paths describe the same operations, or one of them is wrong.
  for (const entry of entries) {
    const operationId = document.paths?.[entry.path]?.[entry.method]?.operationId;
    if (operationId !== entry.operationId)
      throw new SpecSyncError(
        `${fragmentName}: x-atlas-export-upstream.operations lists ${entry.operationId} as` +
          ` ${entry.method.toUpperCase()} ${entry.path}, but the fragment's paths have ` +
          (operationId === undefined ? "no such operation." : `${operationId} there.`),
      );
  }
  for (const [path, pathItem] of Object.entries(document.paths ?? {}))
    for (const method of httpMethods) {
      const operationId = pathItem?.[method]?.operationId;
      if (pathItem?.[method] && !seen.has(operationId))
        throw new SpecSyncError(
          `${fragmentName}: operation ${operationId ?? `${method.toUpperCase()} ${path}`} is not listed in` +
            " x-atlas-export-upstream.operations; list every operation of the fragment there.",
        );
    }
  return entries;
}

async function readFragment(specFile, fragmentName) {
  let text;
  try {
    text = await readFile(specFile, "utf8");
  } catch (error) {
    throw new SpecSyncError(`cannot read the fragment ${specFile}: ${error.code ?? error.message}.`);
  }
  const spec = openSpecText(fragmentName, text);
  return { text, spec, operations: listedOperations(spec.document, fragmentName) };
}

async function uniqueChangesetFile(root, name) {
  const folder = join(root, ".changeset");
  if (!existsSync(folder))
    throw new SpecSyncError(`${folder} does not exist: run spec-sync in the repository root.`);
  for (let i = 1; ; i++) {
    const file = join(folder, `${name}${i === 1 ? "" : `-${i}`}.md`);
    if (!existsSync(file)) return file;
  }
}

/**
 * @param {object} options
 * @param {string} options.from the upstream spec file (YAML or JSON)
 * @param {boolean} [options.write] take upstream's changes into spec/, regenerate, write a changeset
 * @param {string} [options.root] the repository root holding spec/ and .changeset/ (tests use a copy)
 * @param {(options: {root: string}) => Promise<void> | void} [options.generate] regenerates the types
 */
export async function syncSpec({ from, write = false, root = repoRoot, generate = runGenerate }) {
  if (typeof from !== "string" || from === "")
    throw new SpecSyncError(
      "--from <file> is required: the path of a full upstream Atlas v2 spec (YAML or JSON).",
    );
  const specFile = join(root, "spec", "openapi.yaml");
  const fragmentName = relative(root, specFile);
  const fragmentFile = await readFragment(specFile, fragmentName);
  const list = fragmentFile.operations;
  const deviations = readDeviations(fragmentFile.spec.document, fragmentName);
  const fragment = extractOperations(fragmentFile.spec, list);
  checkMediaTypes(fragmentName, fragment);
  checkAliases(fragmentName, fragmentFile.spec.document);
  const upstream = extractOperations(await openSpecFile(from), list);

  const summary = summarizeDifferences(
    compareOperations(fragment, upstream),
    deviations,
    fragment.operations,
  );
  const packages = packagesFor(summary.bump, await findDependents(root));
  const report = formatReport({
    fragmentName,
    upstreamName: basename(from),
    operations: fragment.operations.map((operation, i) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      upstreamOperationId: upstream.operations[i].operation.operationId,
    })),
    available: upstream.available,
    summary,
    packages,
  });
  const result = { exitCode: summary.changes.length > 0 ? 1 : 0, report, summary, packages, written: [] };
  if (!write || summary.changes.length === 0) return result;

  // Everything is computed and checked before the first byte is written.
  const upstreamDate = /(\d{4}-\d{2}-\d{2})/.exec(basename(from))?.[1];
  const merged = await formatYaml(
    mergeUpstream(fragmentFile.text, summary, upstream, { list, upstreamDate }),
  );
  const mergedSpec = openSpecText(fragmentName, merged);
  const mergedFragment = extractOperations(mergedSpec, listedOperations(mergedSpec.document, fragmentName));
  checkMediaTypes(fragmentName, mergedFragment);
  const check = summarizeDifferences(
    compareOperations(mergedFragment, upstream),
    readDeviations(mergedSpec.document, fragmentName),
    mergedFragment.operations,
  );
  if (check.changes.length > 0)
    throw new Error(
      `the merged spec would still differ from upstream at ${check.changes.map((change) => change.location).join(", ")}; nothing was written`,
    );
  const changesetFile = await uniqueChangesetFile(
    root,
    `spec-sync-upstream-${upstreamDate ?? new Date().toISOString().slice(0, 10)}`,
  );
  const changeset = renderChangeset({ ...summary, packages, upstreamLabel: upstreamDate ?? basename(from) });

  const stagedChangeset = await stageFile(changesetFile, changeset);
  const stagedSpec = await stageFile(specFile, merged).catch(async (error) => {
    await stagedChangeset.discard();
    throw error;
  });
  try {
    await stagedSpec.commit();
  } catch (error) {
    await Promise.all([stagedSpec.discard(), stagedChangeset.discard()]);
    throw error;
  }
  try {
    await generate({ root });
  } catch (error) {
    // Put the fragment back so spec/ and the generated types agree again.
    await atomicWrite(specFile, fragmentFile.text);
    await stagedChangeset.discard();
    throw new Error(`${error.message}\nspec/openapi.yaml was restored; nothing else was written.`);
  }
  await stagedChangeset.commit();
  return {
    ...result,
    exitCode: 0,
    written: [specFile, changesetFile],
    report: `${report}\n\nWrote ${fragmentName}, regenerated the types, and wrote ${relative(root, changesetFile)} (${summary.bump}).`,
  };
}
