import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchRow, BenchSection } from "../bench-section.js";
import { bundleSize, type BundleSize } from "../bundle-size.js";
import { figure } from "../figure.js";
import { generateTypesFromSpec } from "../generate-types-from-spec.js";
import { importTime } from "../import-time.js";
import { inProcessCheckTimes } from "../in-process-check-time.js";
import { notRunRow } from "../not-run-row.js";
import { repoPaths } from "../repo-paths.js";
import { smallestPathsSpec } from "../smallest-paths-spec.js";
import { timeCommand } from "../time-command.js";
import { openapiFetchConsumer } from "../openapi-fetch-consumer.js";
import { typeCheckTime, type TypeCheckTime } from "../type-check-time.js";
import { typesOnlyConsumer } from "../types-only-consumer.js";
import { wallAboveBaseline, type WallAboveBaseline } from "../wall-above-baseline.js";
import { writeConsumerProject } from "../write-consumer-project.js";

const bundleTargetBytes = 8 * 1024;
const specSyncTargetMs = 3000;
const typeCostTargetRatio = 10;
/**
 * Rounds of the in-process type check (after one warm-up round that parses the standard library). With 10,
 * the small programs' figures spread by about as much as they measure (95 ms ± 58 ms in one run) and the
 * openapi-fetch rows' verdicts changed from run to run; a round costs about 2 s.
 */
const inProcessRounds = 20;
const peerClient = "mongodb-atlas-api-client 4.19.0";

async function bundleRows(notes: string[]): Promise<BenchRow[]> {
  const measure = "Client bundle with openapi-fetch (esbuild minify, gzip -9)";
  const target = `≤ ${figure.bytes(bundleTargetBytes)}`;
  let ours: BundleSize;
  try {
    ours = await bundleSize(`export * from "@atlas-export/client";`);
  } catch (error) {
    return [notRunRow({ measure, peer: peerClient, target }, error)];
  }
  let peer: BundleSize | undefined;
  try {
    peer = await bundleSize(`export { default } from "mongodb-atlas-api-client";`);
  } catch (error) {
    notes.push(`${peerClient} could not be bundled: ${String(error).slice(0, 200)}`);
  }
  const openapiFetch = await bundleSize(
    `export * from "openapi-fetch"; export { default } from "openapi-fetch";`,
  );
  const digestFetch = await bundleSize(`export { default } from "digest-fetch";`);
  notes.push(
    `Bundles are built by esbuild (platform node, ESM, minified, Node built-ins external, dynamic \`import()\`s ` +
      `split into chunks of their own as application bundlers do) from an entry that re-exports the whole ` +
      `package, then gzip -9; the figure is what loads up front (the entry chunk and its static imports, each ` +
      `chunk gzipped on its own). Loaded only on first use: atlas-export ${figure.bytes(ours.lazy.gzipped)} ` +
      `gzipped (${figure.bytes(ours.lazy.minified)} minified: ` +
      ours.lazy.byPackage.map(([name, bytes]) => `${name} ${figure.bytes(bytes)}`).join(", ") +
      `; each auth scheme of packages/client when the program creates it (digestAuth, serviceAccountAuth), HTTP Digest with its ` +
      `challenge parser and signer, the service account with its token-endpoint code and oauth4webapi; ` +
      `openapi-fetch and the schemes' openapi-fetch hooks with the first \`atlas.raw\` request ` +
      `(getBackupExportJob does not use them); the response validator of packages/types with the first ` +
      `check under \`validateResponses: true\`). The two "first getBackupExportJob" rows add to what loads ` +
      `up front the chunk of the scheme the client uses and what that chunk imports: what such a program ` +
      `has loaded after its first call. ` +
      `atlas-export up front: ${figure.bytes(ours.minified)} minified; ` +
      `openapi-fetch alone ${figure.bytes(openapiFetch.gzipped)} gzipped; digest-fetch 3.1.1 alone ` +
      `${figure.bytes(digestFetch.gzipped)} gzipped. Minified bytes of the atlas-export bundle up front, by package: ` +
      ours.byPackage
        .filter(([, bytes]) => bytes > 0)
        .map(([name, bytes]) => `${name} ${figure.bytes(bytes)}`)
        .join(", ") +
      ".",
  );
  return [
    {
      measure,
      atlasExport: figure.bytes(ours.gzipped),
      peer: `${peerClient} (urllib included)`,
      peerFigure: peer ? figure.bytes(peer.gzipped) : "not bundled",
      ratio: peer ? figure.ratio(ours.gzipped / peer.gzipped) : "",
      target,
      verdict: ours.gzipped <= bundleTargetBytes ? "met" : "missed",
      headline: true,
    },
    ...(
      [
        ["an API-key client (HTTP Digest)", "digest-scheme-"],
        ["a service-account client", "service-account-scheme-"],
      ] as const
    ).map(([client, chunk]): BenchRow => {
      const loaded = ours.loadedWith(chunk);
      return {
        measure: `Loaded after the first getBackupExportJob of ${client}: up front + its scheme's chunk (esbuild minify, gzip -9)`,
        atlasExport: figure.bytes(loaded),
        peer: `${peerClient} (urllib included)`,
        peerFigure: peer ? figure.bytes(peer.gzipped) : "not bundled",
        ratio: peer ? figure.ratio(loaded / peer.gzipped) : "",
        target: `no target (the ${target} is on what loads up front)`,
        verdict: "info",
      };
    }),
  ];
}

async function importRows(): Promise<BenchRow[]> {
  const measure = "Import time in a fresh process (median of 7)";
  try {
    const ours = await importTime("@atlas-export/client");
    const peer = await importTime("mongodb-atlas-api-client");
    return [
      {
        measure,
        atlasExport: figure.duration(ours),
        peer: peerClient,
        peerFigure: figure.duration(peer),
        ratio: figure.ratio(ours / peer),
        target: "no target",
        verdict: "info",
      },
    ];
  } catch (error) {
    return [notRunRow({ measure, peer: peerClient, target: "no target" }, error)];
  }
}

async function generateAndTypeRows(tmp: string, notes: string[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const fullTypes = join(tmp, "full", "atlas-full.d.ts");
  const peer = "openapi-typescript 7.13.0 on the full 4 MB upstream spec";
  // --force: a turbo cache hit would time the cache, not the generator.
  const generate = await timeCommand("pnpm", ["generate", "--force"], { cwd: repoPaths.root });
  // Run from the temporary folder so the repository's redocly.yaml does not apply to the upstream spec.
  const generateFull = await generateTypesFromSpec(repoPaths.upstreamSpec, fullTypes, tmp);
  // openapi-fetch's floor: the same consumer on types generated the same way from a spec that has only
  // this operation and what the consumer reads (see smallest-paths-spec.ts).
  const floorSpec = join(tmp, "smallest-paths.openapi.json");
  const floorDir = join(tmp, "smallest-paths");
  await writeFile(floorSpec, JSON.stringify(smallestPathsSpec(), null, 2));
  await generateTypesFromSpec(floorSpec, join(floorDir, "smallest-paths.d.ts"), tmp);
  const fragmentTypes = join(repoPaths.types, "src/generated/atlas-export.ts");
  notes.push(
    `Generated types: ${figure.bytes((await stat(fragmentTypes)).size)} from spec/openapi.yaml vs ` +
      `${figure.bytes((await stat(fullTypes)).size)} from ${repoPaths.upstreamSpec.split("/").pop()} ` +
      `(${figure.bytes((await stat(repoPaths.upstreamSpec)).size)}), generated into a temporary folder, never the repository.`,
  );
  rows.push({
    measure: "`pnpm generate` (turbo cache bypassed)",
    atlasExport: figure.duration(generate.ms),
    peer,
    peerFigure: figure.duration(generateFull.ms),
    ratio: figure.ratio(generate.ms / generateFull.ms),
    target: "no target",
    verdict: "info",
  });

  const baselineDir = join(tmp, "baseline");
  await writeConsumerProject(baselineDir);
  const typesOnlyDirs = await writeConsumerPair(tmp, "types-only", typesOnlyConsumer);
  const openapiFetchDirs = await writeConsumerPair(tmp, "openapi-fetch", openapiFetchConsumer);
  await writeConsumerProject(floorDir, openapiFetchConsumer("./smallest-paths.js"));
  const projects = {
    baseline: baselineDir,
    typesOnlyOurs: typesOnlyDirs.ours,
    typesOnlyFull: typesOnlyDirs.full,
    openapiFetchOurs: openapiFetchDirs.ours,
    openapiFetchFull: openapiFetchDirs.full,
    openapiFetchFloor: floorDir,
  };
  const times = await typeCheckTime(projects);
  const inProcess = inProcessCheckTimes(projects, inProcessRounds + 1);
  // The first round parses the standard library for everyone; it is not what a consumer's imports add.
  const measured = (name: keyof typeof projects) => (inProcess[name] ?? []).slice(1);
  const baseline = times.baseline;
  const typesOnly = {
    ours: times.typesOnlyOurs,
    full: times.typesOnlyFull,
    inProcess: {
      ours: measured("typesOnlyOurs"),
      full: measured("typesOnlyFull"),
      baseline: measured("baseline"),
    },
  };
  const openapiFetch = {
    ours: times.openapiFetchOurs,
    full: times.openapiFetchFull,
    inProcess: {
      ours: measured("openapiFetchOurs"),
      full: measured("openapiFetchFull"),
      baseline: measured("baseline"),
    },
    floor: { tsc: times.openapiFetchFloor, inProcess: measured("openapiFetchFloor") },
  };
  notes.push(
    "Two small consumers are type-checked, each twice: on `@atlas-export/types` (resolved like an installed " +
      "package, to its built `dist/index.d.ts`) and, with the code unchanged, on the types generated above from " +
      "the full upstream spec. The types-only consumer (`import type { components, operations, paths }`, no " +
      "client library) names this operation's path parameters, its 200 body " +
      '(`paths[P]["get"]["responses"][200]["content"]["application/vnd.atlas.2023-01-01+json"]`), ' +
      '`components["schemas"]["DiskBackupExportJob"]` and `keyof operations` (the two specs give the operation ' +
      "different ids, so it is reached through its path), builds the request path and formats state and " +
      "exportedCollections/totalCollections: what the types themselves cost. The openapi-fetch consumer " +
      '(`import createClient from "openapi-fetch"` and `import type { paths }`, not the client: one ' +
      "`createClient<paths>`, one `GET` of this operation, the same three fields read) is checked a third time, " +
      "on the smallest `paths` that has this operation: types generated the same way, by openapi-typescript " +
      "into the temporary folder, from an OpenAPI 3.0 document built in code with only this GET, its three " +
      "string path parameters and one 200 answer (`application/vnd.atlas.2023-01-01+json`) whose body has just " +
      "`state` (string) and `exportStatus` {exportedCollections, totalCollections} (integers), what the " +
      "consumer reads. That program's cost is what openapi-fetch's declarations cost this consumer with a " +
      "`paths` holding nothing else (openapi-fetch's floor), so full ÷ floor is about the best ratio a types " +
      "module with this operation can reach against the full spec. Instantiations above the empty program: " +
      `${figure.count(openapiFetch.floor.tsc.instantiations - baseline.instantiations)} on the smallest ` +
      `\`paths\`, ${figure.count(openapiFetch.ours.instantiations - baseline.instantiations)} on our types, ` +
      `${figure.count(openapiFetch.full.instantiations - baseline.instantiations)} on the full spec's; the ` +
      `types-only consumer on our types has ${figure.count(typesOnly.ours.instantiations - baseline.instantiations)}.`,
    "Every program compiles with strict, NodeNext, lib ES2023 + DOM (fetch types for openapi-fetch, kept for " +
      "both consumers so that one baseline serves both) and skipLibCheck, TypeScript 5.9.3. The six programs " +
      "(empty baseline, two consumers × two type sources, the openapi-fetch consumer on the smallest `paths`) " +
      "are checked in 5 rounds, each program once per round " +
      "and one at a time, so that the load of this shared machine falls on all of them alike; figures are medians. " +
      "A type error in any of them stops the benchmark instead of giving a figure. Wall time includes Node's " +
      "start-up. The baseline is an empty program with the same tsconfig and no imports: " +
      `${figure.duration(baseline.wallMs)} wall, ${figure.duration(baseline.compilerMs)} tsc Total time, ` +
      `${figure.duration(baseline.checkMs)} Check time, ${figure.count(baseline.types)} types, ` +
      `${figure.count(baseline.instantiations)} instantiations — the standard library's cost, paid by any project.`,
    "The two rows with the ≥ 10× target (both in the headline; the types-only one is the issue's \"small " +
      'consumer using @atlas-export/types", the openapi-fetch one is kept so that its figure stays visible) time ' +
      "the check itself with the TypeScript API in this process: a fresh program and every pre-emit diagnostic " +
      "(what `tsc --noEmit` does after start-up), the six programs taking turns in a fresh random order every " +
      `round for ${inProcessRounds} rounds after a warm-up round (trial runs in a fixed order showed checks ` +
      "running slower right after the full spec's, a cost that would always fall on the same program). " +
      "The standard library's files are parsed once and shared, " +
      "as an editor or `tsc --watch` shares them; the consumer, its imports and the types under test are read " +
      "and parsed again every time. Each figure is the median over the rounds of (consumer − empty program in " +
      "the same round), ± about a 95% confidence interval of that median (1.58 × interquartile range ÷ √rounds, " +
      "McGill, Tukey and Larsen 1978); a figure smaller than its ± is shown as ≤ the ± " +
      "and its ratio as a lower bound. The `tsc --noEmit` wall-time rows below measure the same thing with " +
      "Node's start-up and the library's parse in every run: about 0.9 s that moves by ±0.1 s from run to run, " +
      "more than the few milliseconds our types add, so they carry no target. " +
      `Raw median wall times: types-only ${figure.duration(typesOnly.ours.wallMs)} vs ` +
      `${figure.duration(typesOnly.full.wallMs)}, openapi-fetch ${figure.duration(openapiFetch.ours.wallMs)} vs ` +
      `${figure.duration(openapiFetch.full.wallMs)}. Check time, Types and Instantiations are TypeScript's own ` +
      "`--extendedDiagnostics` figures.",
  );
  rows.push(
    ...consumerRows("types-only", typesOnly, baseline),
    ...consumerRows("openapi-fetch", openapiFetch, baseline),
  );
  return rows;
}

interface ConsumerTimes {
  ours: TypeCheckTime;
  full: TypeCheckTime;
  /** In-process check times per round (warm-up round dropped), with the empty program's of the same rounds. */
  inProcess: { ours: number[]; full: number[]; baseline: number[] };
  /** The openapi-fetch consumer on the smallest `paths` that has this operation (see smallest-paths-spec.ts). */
  floor?: { tsc: TypeCheckTime; inProcess: number[] };
}

/**
 * Writes one consumer twice: on our types and on the full spec's. The full spec's types were generated into
 * `<tmp>/full`; the openapi-fetch consumer sits next to them, as it always has, and the types-only one
 * imports the same file from its own folder.
 */
async function writeConsumerPair(
  tmp: string,
  kind: "types-only" | "openapi-fetch",
  source: (typesModule: string) => string,
): Promise<{ ours: string; full: string }> {
  const ours = join(tmp, kind === "openapi-fetch" ? "fragment" : `${kind}-fragment`);
  const full = join(tmp, kind === "openapi-fetch" ? "full" : `${kind}-full`);
  await writeConsumerProject(ours, source("@atlas-export/types"));
  await writeConsumerProject(
    full,
    source(kind === "openapi-fetch" ? "./atlas-full.js" : "../full/atlas-full.js"),
  );
  return { ours, full };
}

/** "0.17× (6.0× cheaper)"; `atLeast` when ours was clamped to the noise floor, so the ratio is a bound. */
function timesCheaper(ourValue: number, fullValue: number, atLeast = false): string {
  if (fullValue <= 0) return "n/a (the full spec's consumer is not above the empty program's either)";
  if (ourValue <= 0) return "n/a (not above the empty program's)";
  return (
    `${atLeast ? "≤ " : ""}${figure.ratio(ourValue / fullValue)} ` +
    `(${atLeast ? "≥ " : ""}${(fullValue / ourValue).toFixed(1)}× cheaper)`
  );
}

/** One consumer's rows: the targeted wall-time row, then tsc's own figures as information. */
function consumerRows(
  kind: "types-only" | "openapi-fetch",
  { ours, full, inProcess, floor }: ConsumerTimes,
  baseline: TypeCheckTime,
): BenchRow[] {
  const fullPeer = "same consumer on types from the full upstream spec";
  // What the types cost a consumer is what they add to a program: tsc's own start-up and the standard
  // library (lib ES2023 + DOM) are paid by any project, so the empty program's figures are subtracted.
  const above = (value: number, base: number) => Math.max(0, value - base);
  const minus = (value: number, base: number) => value - base;
  const oursAbove = wallAboveBaseline(ours.wallRunsMs, baseline.wallRunsMs);
  const fullAbove = wallAboveBaseline(full.wallRunsMs, baseline.wallRunsMs);
  // Wall time is shown clamped at zero: an empty program can take longer than a consumer in one run.
  const oursWall = boundedDifference({ ...oursAbove, ms: Math.max(0, oursAbove.ms) });
  const fullWall = Math.max(0, fullAbove.ms);
  // The targeted figure: the same check in-process, without Node's start-up and the library's parse.
  const oursChecked = boundedDifference(wallAboveBaseline(inProcess.ours, inProcess.baseline));
  const fullChecked = wallAboveBaseline(inProcess.full, inProcess.baseline);
  const fullCheckMs = Math.max(0, fullChecked.ms);
  /** An information row: one tsc figure of both consumers, less the empty program's. */
  const aboveBaselineRow = (
    name: string,
    key: "compilerMs" | "checkMs" | "types" | "instantiations",
    format: (value: number) => string,
    subtract: (value: number, base: number) => number,
  ): BenchRow => {
    const ourValue = subtract(ours[key], baseline[key]);
    const fullValue = subtract(full[key], baseline[key]);
    return {
      measure: `${kind} consumer: ${name}, above an empty program's`,
      atlasExport: format(ourValue),
      peer: fullPeer,
      peerFigure: format(fullValue),
      ratio: timesCheaper(ourValue, fullValue),
      target: "no target",
      verdict: "info",
    };
  };
  return [
    {
      measure:
        `Type check of a small ${kind} consumer (TypeScript API, in-process), above an empty program's ` +
        `(median of ${inProcessRounds} rounds)`,
      atlasExport: oursChecked.text,
      peer: fullPeer,
      peerFigure: plusMinus(fullChecked),
      ratio: timesCheaper(oursChecked.boundMs, fullCheckMs, oursChecked.withinNoise),
      target: `≥ ${typeCostTargetRatio}× cheaper`,
      verdict:
        oursChecked.boundMs > 0 && fullCheckMs / oursChecked.boundMs >= typeCostTargetRatio
          ? "met"
          : "missed",
      headline: true,
    },
    ...(floor ? floorCheckRows(floor.inProcess, inProcess) : []),
    {
      measure: `\`tsc --noEmit\` of a small ${kind} consumer, wall above an empty program's (median of 5 rounds)`,
      atlasExport: oursWall.text,
      peer: fullPeer,
      peerFigure: `${figure.duration(fullWall)} ± ${figure.duration(fullAbove.uncertaintyMs)}`,
      ratio: timesCheaper(oursWall.boundMs, fullWall, oursWall.withinNoise),
      target: "no target (see the in-process row)",
      verdict: "info",
    },
    aboveBaselineRow("`tsc` own Total time (parse, bind, check)", "compilerMs", figure.duration, above),
    aboveBaselineRow("`tsc` Check time", "checkMs", figure.duration, above),
    aboveBaselineRow("`tsc` Types", "types", figure.count, minus),
    aboveBaselineRow("`tsc` Instantiations", "instantiations", figure.count, minus),
    ...(floor ? floorCountRows(floor.tsc, full, baseline) : []),
    {
      measure: `\`tsc --noEmit\` of a small ${kind} consumer, wall including the empty program's (median of 5)`,
      atlasExport: figure.duration(ours.wallMs),
      peer: fullPeer,
      peerFigure: figure.duration(full.wallMs),
      ratio: timesCheaper(ours.wallMs, full.wallMs),
      target: "no target",
      verdict: "info",
    },
    {
      measure: `${kind} consumer: \`tsc\` memory used`,
      atlasExport: figure.bytes(ours.memoryBytes),
      peer: fullPeer,
      peerFigure: figure.bytes(full.memoryBytes),
      ratio: figure.ratio(ours.memoryBytes / full.memoryBytes),
      target: "no target",
      verdict: "info",
    },
  ];
}

/** "86.1 ms ± 51.3 ms": a difference above a baseline with its uncertainty. */
function plusMinus({ ms, uncertaintyMs }: WallAboveBaseline): string {
  return `${figure.duration(ms)} ± ${figure.duration(uncertaintyMs)}`;
}

/**
 * "86.1 ms ± 51.3 ms", or "≤ 51.3 ms (measured 20.0 ms ± 51.3 ms)" when the figure is within its ±: a
 * difference smaller than its own uncertainty cannot be told from zero, so the ratio never divides by less
 * than that uncertainty; the figure is then an upper bound and the ratio a lower one.
 */
function boundedDifference(difference: WallAboveBaseline): {
  text: string;
  /** The figure to divide by: never less than its ±, since a smaller one cannot be told from zero. */
  boundMs: number;
  withinNoise: boolean;
} {
  const { ms, uncertaintyMs } = difference;
  const withinNoise = Math.max(0, ms) < uncertaintyMs;
  return {
    text: withinNoise
      ? `≤ ${figure.duration(uncertaintyMs)} (measured ${plusMinus(difference)})`
      : plusMinus(difference),
    boundMs: Math.max(0, ms, uncertaintyMs),
    withinNoise,
  };
}

/**
 * The openapi-fetch consumer on the smallest `paths` (openapi-fetch's floor), from the same in-process rounds
 * as the other programs: its cost above the empty program, whose ratio to the full spec's is about the best
 * any types module can reach, and what our types and the full spec's add above that floor.
 */
function floorCheckRows(floorRuns: number[], inProcess: ConsumerTimes["inProcess"]): BenchRow[] {
  const rounds = `median of ${inProcessRounds} rounds`;
  const floor = boundedDifference(wallAboveBaseline(floorRuns, inProcess.baseline));
  const fullChecked = wallAboveBaseline(inProcess.full, inProcess.baseline);
  const oursOverFloor = boundedDifference(wallAboveBaseline(inProcess.ours, floorRuns));
  const fullOverFloor = wallAboveBaseline(inProcess.full, floorRuns);
  return [
    {
      measure:
        "openapi-fetch consumer on the smallest `paths` that has this operation (one 200 answer; " +
        "openapi-fetch's floor, so its ratio is about the best any types module can reach): type check " +
        `(TypeScript API, in-process), above an empty program's (${rounds})`,
      atlasExport: floor.text,
      peer: "same consumer on types from the full upstream spec",
      peerFigure: plusMinus(fullChecked),
      ratio: timesCheaper(floor.boundMs, Math.max(0, fullChecked.ms), floor.withinNoise),
      target: "no target",
      verdict: "info",
    },
    {
      measure:
        "openapi-fetch consumer: type check (TypeScript API, in-process) on our types above the same " +
        `consumer on the smallest \`paths\` of the same round (${rounds})`,
      atlasExport: oursOverFloor.text,
      peer: "full upstream spec's types above the smallest `paths`",
      peerFigure: plusMinus(fullOverFloor),
      ratio: timesCheaper(oursOverFloor.boundMs, Math.max(0, fullOverFloor.ms), oursOverFloor.withinNoise),
      target: "no target",
      verdict: "info",
    },
  ];
}

/** tsc's Types and Instantiations of the openapi-fetch consumer on the smallest `paths`, as information. */
function floorCountRows(floor: TypeCheckTime, full: TypeCheckTime, baseline: TypeCheckTime): BenchRow[] {
  return (["types", "instantiations"] as const).map((key) => {
    const floorValue = floor[key] - baseline[key];
    const fullValue = full[key] - baseline[key];
    return {
      measure:
        "openapi-fetch consumer on the smallest `paths` (openapi-fetch's floor): " +
        `\`tsc\` ${key === "types" ? "Types" : "Instantiations"}, above an empty program's`,
      atlasExport: figure.count(floorValue),
      peer: "same consumer on types from the full upstream spec",
      peerFigure: figure.count(fullValue),
      ratio: timesCheaper(floorValue, fullValue),
      target: "no target",
      verdict: "info",
    };
  });
}

async function specSyncRow(notes: string[]): Promise<BenchRow> {
  const measure = "`pnpm spec:sync --from` the 4 MB upstream spec";
  const row = { measure, peer: "", target: `< ${figure.duration(specSyncTargetMs)}` };
  const manifest = JSON.parse(await readFile(join(repoPaths.root, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.["spec:sync"];
  const entry = /^node (\S+)/.exec(script ?? "")?.[1];
  if (script === undefined || (entry !== undefined && !existsSync(join(repoPaths.root, entry)))) {
    return notRunRow(row, new Error("not available yet (no `spec:sync` command in this checkout)"));
  }
  try {
    // Without --write it only compares and reports: exit 0 nothing to do, 1 differences found.
    const { ms, exitCode } = await timeCommand("pnpm", ["spec:sync", "--from", repoPaths.upstreamSpec], {
      cwd: repoPaths.root,
      okExitCodes: [0, 1],
    });
    notes.push(
      "`spec:sync` is timed once, as `pnpm spec:sync --from <upstream file>` (report only, no `--write`) from " +
        `the repository root, pnpm's own start-up included; it exited ${exitCode} ` +
        `(${exitCode === 0 ? "nothing to take" : "differences reported"}).`,
    );
    return {
      ...row,
      atlasExport: figure.duration(ms),
      peerFigure: "",
      ratio: "",
      verdict: ms < specSyncTargetMs ? "met" : "missed",
      headline: true,
    };
  } catch (error) {
    return notRunRow(row, error);
  }
}

/** Row 6: what atlas-export costs to ship, import, regenerate and type-check, next to the full-spec route. */
export async function benchSizeAndTypeCost(): Promise<BenchSection> {
  const notes: string[] = [];
  const tmp = await mkdtemp(join(tmpdir(), "atlas-export-bench-"));
  try {
    const rows = [
      ...(await bundleRows(notes)),
      ...(await importRows()),
      ...(await generateAndTypeRows(tmp, notes)),
      await specSyncRow(notes),
    ];
    return { id: 6, title: "Size and type cost", rows, notes };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
