import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { stringify } from "yaml";
import { checkDocumentedExamples } from "../src/check-documented-examples.js";
import { collectExamples } from "../src/collect-examples.js";
import type { DocumentedExample } from "../src/documented-example.js";
import { exampleLabel } from "../src/example-label.js";
import { formatExampleCheck } from "../src/format-example-check.js";
import { loadSpec } from "../src/load-spec.js";
import { isJsonObject } from "../src/openapi-document.js";
import { packageDir } from "../src/package-paths.js";
import { lookUpPointer } from "../src/resolve-ref.js";
import { startPrism } from "../src/start-prism.js";

const run = promisify(execFile);
const scratch = await mkdtemp(join(tmpdir(), "atlas-export-corrupted-spec-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

type Corruption = [
  name: string,
  pick: (example: DocumentedExample) => boolean,
  corrupt: (value: Record<string, unknown>) => void,
  messages: readonly string[],
];

/**
 * Writes a copy of the spec with one documented example changed where it lives (a $ref'd component
 * response is corrupted in components/responses) and returns the file and the example's label.
 */
async function writeCorruptedCopy([name, pick, corrupt]: Corruption) {
  const document = await loadSpec();
  const example = collectExamples(document).find(pick);
  if (!example) throw new Error(`no example to corrupt for ${name}`);
  const node = lookUpPointer(document, example.pointer);
  if (!isJsonObject(node) || !isJsonObject(node["value"]))
    throw new Error(`${example.pointer} has no object value`);
  corrupt(node["value"]);
  const file = join(scratch, `${name}.yaml`);
  await writeFile(file, stringify(document));
  return { file, label: exampleLabel(example) };
}

/** The suite's own pipeline (fixtures, compiler, ajv) on the file, as the report `check:examples` prints. */
async function checkCopy(corruption: Corruption) {
  const { file, label } = await writeCorruptedCopy(corruption);
  const checks = await checkDocumentedExamples(await loadSpec(file), `corrupted-${corruption[0]}`);
  return { label, output: checks.map(formatExampleCheck).join("\n") };
}

const isJob = (example: DocumentedExample) =>
  example.operationId === "getBackupExportJob" && example.status === "200";
const unchanged: Corruption = ["unchanged", isJob, () => {}, []];
const misspeltState: Corruption = [
  "misspelt-state",
  isJob,
  (v) => (v["state"] = "Canceled"),
  ["TS2820", "/state must be equal to one of the allowed values"],
];

describe("a corrupted copy of the spec", () => {
  it("is not what fails: an unchanged copy passes", async () => {
    const { label, output } = await checkCopy(unchanged);
    expect(output).toContain(`ok   ${label}`);
    expect(output).not.toContain("FAIL");
  });

  it.each<Corruption>([
    misspeltState,
    [
      "unknown-field",
      isJob,
      (v) => (v["exportedAt"] = "2025-05-04T09:42:00Z"),
      ["TS2353", "must NOT have additional properties"],
    ],
    ["id-breaks-pattern", isJob, (v) => (v["id"] = "32b6e34b3d91647abb20e7bZ"), ["/id must match pattern"]],
    [
      "bucket-id-too-short",
      isJob,
      (v) => (v["exportBucketId"] = "32b6e34b"),
      ["/exportBucketId must NOT have fewer than 24 characters"],
    ],
    [
      "unknown-field-in-the-referenced-429",
      (e) => e.status === "429",
      (v) => (v["retryAfter"] = 1),
      ["TS2353", "must NOT have additional properties"],
    ],
    [
      "missing-errorCode-in-the-404",
      (e) => e.status === "404",
      (v) => delete v["errorCode"],
      ["TS2741", "must have required property 'errorCode'"],
    ],
  ])("fails with %s, naming the example and the error", async (...corruption) => {
    const { label, output } = await checkCopy(corruption);
    expect(output).toContain(`FAIL ${label}`);
    for (const message of corruption[3]) expect(output).toContain(message);
  });

  it("makes `check:examples` exit 1 when ATLAS_EXPORT_SPEC points at it", async () => {
    const { file, label } = await writeCorruptedCopy(misspeltState);
    const failure = await run(
      join(packageDir, "node_modules/.bin/tsx"),
      ["scripts/check-examples.ts", "corrupted-cli"],
      {
        cwd: packageDir,
        env: { ...process.env, ATLAS_EXPORT_SPEC: file },
      },
    ).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain(`Examples of ${file}:`);
    expect(failure?.stdout).toContain(`FAIL ${label}`);
    expect(failure?.stdout).toContain("TS2820");
  });

  it("makes Prism (--errors) refuse to serve the corrupted example, naming the violation", async () => {
    const { file } = await writeCorruptedCopy(misspeltState);
    const prism = await startPrism(file);
    onTestFinished(() => prism.close());
    const response = await fetch(
      `${prism.url}/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/clusters/Cluster0/backup/exports/32b6e34b3d91647abb20e7b8`,
      { headers: { Authorization: "Bearer any", Accept: "application/vnd.atlas.2023-01-01+json" } },
    );
    const body = (await response.json()) as { validation?: { location: string[]; code: string }[] };
    expect(response.status).toBe(500);
    expect(body.validation).toEqual([
      expect.objectContaining({ location: ["response", "body", "state"], code: "enum" }),
    ]);
  });
});

/** Runs `check:examples` on a spec file through ATLAS_EXPORT_SPEC; resolves with its exit code and output. */
async function checkExamples(file: string, folder: string) {
  return run(join(packageDir, "node_modules/.bin/tsx"), ["scripts/check-examples.ts", folder], {
    cwd: packageDir,
    env: { ...process.env, ATLAS_EXPORT_SPEC: file },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code,
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? "",
    }),
  );
}

const JOB_PATH = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
const JOB_POINTER = `#/paths/${JOB_PATH.replaceAll("/", "~1")}/get`;
type Spec = Record<string, any>;

describe("a spec that cannot be checked", () => {
  it("makes `check:examples` print one line naming a missing ATLAS_EXPORT_SPEC file and exit 2", async () => {
    const missing = join(scratch, "no-such-spec.yaml");
    const { code, stdout, stderr } = await checkExamples(missing, "missing-spec");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      `contract-tests: cannot read the spec ${missing} (ENOENT); point ATLAS_EXPORT_SPEC at an existing file or unset it`,
    ]);
  });

  it.each<[string, (spec: Spec) => void, string]>([
    [
      "a missing operation",
      (spec) => {
        // The fragment lists the operations it takes from upstream; this one must then be in paths.
        spec["x-atlas-export-upstream"].operations ??= [
          { operationId: "getBackupExportJob", method: "get", path: JOB_PATH },
        ];
        delete spec.paths[JOB_PATH];
      },
      `operation getBackupExportJob: listed at #/x-atlas-export-upstream/operations/`,
    ],
    [
      "a broken $ref",
      (spec) => (spec.paths[JOB_PATH].get.responses["404"] = { $ref: "#/components/responses/gone" }),
      `operation getBackupExportJob: ${JOB_POINTER}/responses/404: $ref #/components/responses/gone does not resolve`,
    ],
    [
      "a wrong media type",
      (spec) => {
        const content = spec.paths[JOB_PATH].get.responses["200"].content;
        content["application/json"] = content["application/vnd.atlas.2023-01-01+json"];
        delete content["application/vnd.atlas.2023-01-01+json"];
      },
      `operation getBackupExportJob: ${JOB_POINTER}/responses/200/content/application~1json: the 200 response uses media type application/json`,
    ],
  ])(
    "fails `check:examples` with %s in one line naming the operation and the node, exit 2",
    async (name, corrupt, message) => {
      const spec = (await loadSpec()) as Spec;
      corrupt(spec);
      const file = join(scratch, `${name.replaceAll(" ", "-")}.yaml`);
      await writeFile(file, stringify(spec));
      await expect(loadSpec(file)).rejects.toThrow(message);
      const { code, stdout, stderr } = await checkExamples(file, `bad-${name.replaceAll(" ", "-")}`);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toContain(`contract-tests: ${file}: ${message}`);
    },
  );
});
