import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { notRunRow, verdict, type BenchRow, type BenchSection } from "../bench-section.js";
import { figure } from "../figure.js";
import { inProcessCheckTimes } from "../in-process-check-time.js";
import { median } from "../median.js";
import { openapiFetchConsumer } from "../openapi-fetch-consumer.js";
import { repoPaths } from "../repo-paths.js";
import { timeCommand } from "../time-command.js";
import { typesOnlyConsumer } from "../types-only-consumer.js";
import { writeConsumerProject } from "../write-consumer-project.js";

const bundleTargetBytes = 25 * 1024;
const typeCostTarget = 10;
const checkRounds = 20;
const importRuns = 7;
const specSyncTargetMs = 3000;
const peerPackage = "mongodb-atlas-api-client";
const peer = `${peerPackage} 4.19.0`;
const fullSpecPeer = "same consumer on types from the full upstream spec";

/** Gzip -9 bytes of `entrySource` bundled as an application ships it for Node: one file, minified. */
async function bundledBytes(entrySource: string, external: string[] = []): Promise<number> {
  const result = await build({
    external,
    stdin: { contents: entrySource, resolveDir: repoPaths.bench, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
}

/** Median milliseconds of `await import(specifier)` in a fresh Node process, its start-up not counted. */
async function importMs(specifier: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const runs: number[] = [];
  for (let run = 0; run < importRuns; run += 1) {
    const { stdout } = await timeCommand(process.execPath, ["--input-type=module", "-e", script], {
      cwd: repoPaths.bench,
    });
    runs.push(Number(stdout));
  }
  return median(runs);
}

async function sizeRows(): Promise<BenchRow[]> {
  const ours = await bundledBytes(`export * from "@atlas-export/client";`);
  const withoutUndici = await bundledBytes(`export * from "@atlas-export/client";`, ["undici"]);
  const theirs = await bundledBytes(`export { default } from "${peerPackage}";`);
  const oursImport = await importMs("@atlas-export/client");
  const theirImport = await importMs(peerPackage);
  return [
    {
      measure: "The whole client in one bundle (esbuild, minified, no splitting), gzip -9",
      atlasExport: figure.bytes(ours),
      peer: `${peer} (urllib included)`,
      peerFigure: figure.bytes(theirs),
      ratio: figure.ratio(ours / theirs),
      target: `≤ ${figure.bytes(bundleTargetBytes)}`,
      verdict: verdict(ours <= bundleTargetBytes),
      headline: true,
    },
    {
      measure:
        "The same bundle with undici left out (the client sends through it only for a proxy or a `ca`)",
      atlasExport: figure.bytes(withoutUndici),
      peer: `${peer} (urllib included)`,
      peerFigure: figure.bytes(theirs),
      ratio: figure.ratio(withoutUndici / theirs),
      target: "no target (the whole client is the target's)",
      verdict: "info",
    },
    {
      measure: `Import time of the package in a fresh process (median of ${importRuns})`,
      atlasExport: figure.duration(oursImport),
      peer,
      peerFigure: figure.duration(theirImport),
      ratio: figure.ratio(oursImport / theirImport),
      target: "no target",
      verdict: "info",
    },
  ];
}

/**
 * The two small consumers, on our types and (the code unchanged) on types generated from the full upstream
 * spec: what each adds to an empty program's check, the median over rounds of the difference in the same round.
 */
async function typeCheckRows(tmp: string): Promise<BenchRow[]> {
  const fullTypes = join(tmp, "full", "atlas-full.d.ts");
  // From the temporary folder, so the repository's redocly.yaml (written for spec/) does not apply.
  const cli = join(repoPaths.bench, "node_modules/openapi-typescript/bin/cli.js");
  await timeCommand(process.execPath, [cli, repoPaths.upstreamSpec, "-o", fullTypes], { cwd: tmp });
  const consumers = { "types-only": typesOnlyConsumer, "openapi-fetch": openapiFetchConsumer };
  const projects: Record<string, string> = { empty: join(tmp, "empty") };
  await writeConsumerProject(projects.empty!);
  for (const [kind, source] of Object.entries(consumers)) {
    projects[`${kind} ours`] = join(tmp, `${kind}-ours`);
    projects[`${kind} full`] = join(tmp, "full", kind);
    await writeConsumerProject(projects[`${kind} ours`]!, source("@atlas-export/types"));
    await writeConsumerProject(projects[`${kind} full`]!, source("../atlas-full.js"));
  }
  // The first round parses the standard library for every program; it is not what a consumer adds.
  const times = inProcessCheckTimes(projects, checkRounds + 1);
  const above = (name: string) =>
    median(times[name]!.slice(1).map((ms, round) => ms - times.empty![round + 1]!));
  return Object.keys(consumers).map((kind): BenchRow => {
    const [ours, full] = [above(`${kind} ours`), above(`${kind} full`)];
    return {
      measure: `Type check of a small ${kind} consumer, above an empty program's (median of ${checkRounds} rounds)`,
      atlasExport: figure.duration(Math.max(0, ours)),
      peer: fullSpecPeer,
      peerFigure: figure.duration(full),
      ratio: ours > 0 ? `${(full / ours).toFixed(1)}× cheaper` : "nothing to measure",
      target: `≥ ${typeCostTarget}× cheaper`,
      verdict: verdict(full >= typeCostTarget * Math.max(0, ours)),
      headline: true,
    };
  });
}

async function specSyncRow(): Promise<BenchRow> {
  const row = { measure: "`pnpm spec:sync --from` the 4 MB upstream spec", peer: "", target: "< 3.00 s" };
  try {
    const manifest = JSON.parse(await readFile(join(repoPaths.root, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    if (manifest.scripts?.["spec:sync"] === undefined)
      throw new Error("no `spec:sync` script in this checkout");
    // Without --write it only compares and reports: exit 0 nothing to take, 1 differences found.
    const { ms } = await timeCommand("pnpm", ["spec:sync", "--from", repoPaths.upstreamSpec], {
      cwd: repoPaths.root,
      okExitCodes: [0, 1],
    });
    const atlasExport = figure.duration(ms);
    return { ...row, atlasExport, peerFigure: "", ratio: "", verdict: verdict(ms < specSyncTargetMs) };
  } catch (error) {
    return notRunRow(row, error);
  }
}

/** Row 6: what atlas-export costs to ship, import and type-check, next to a peer and the full-spec route. */
export async function benchSizeAndTypeCost(): Promise<BenchSection> {
  const tmp = await mkdtemp(join(tmpdir(), "atlas-export-bench-"));
  try {
    return {
      id: 6,
      title: "Size and type cost",
      rows: [...(await sizeRows()), ...(await typeCheckRows(tmp)), await specSyncRow()],
      method: [
        "Bundle: esbuild of `export * from` the package (both schemes, openapi-fetch, oauth4webapi, undici, the types' runtime), platform node, ESM, minified, one file, then gzip -9. Import time: `await import()` timed inside a fresh process.",
        `Type check: each consumer (types only; openapi-fetch's \`createClient<paths>\` + one GET) checked with the TypeScript API in this process, ${checkRounds} rounds in random order after a warm-up; the standard library is parsed once.`,
        "Full-spec types are generated by openapi-typescript from ../shared/upstream into a temporary folder. `spec:sync` is timed once, report only, pnpm's start-up included.",
      ],
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
