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

const isJob = (example: DocumentedExample) => example.status === "200";
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
