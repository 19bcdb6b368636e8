import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { readOperations } from "../scripts/read-operations.mjs";
import { generatedDirUrl } from "../scripts/render-generated.mjs";
import { specUrl } from "../scripts/render-types.mjs";

const specText = await readFile(specUrl, "utf8");
const JOB_PATH = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
type Spec = Record<string, any>;

/** A fresh copy of the spec with `change` applied. */
function specWith(change: (spec: Spec) => void): Spec {
  const spec = parse(specText) as Spec;
  change(spec);
  return spec;
}
const job = (spec: Spec) => spec.paths[JOB_PATH].get;
const JOB_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

describe("readOperations", () => {
  it("reads every operation of the spec, getBackupExportJob as the page documents it", () => {
    const operations = readOperations(parse(specText));
    const get = operations.find((operation) => operation.operationId === "getBackupExportJob");
    expect(get).toMatchObject({
      method: "get",
      path: JOB_PATH,
      requestBody: null,
      success: { status: 200, mediaType: JOB_MEDIA_TYPE },
      paginated: false,
    });
    expect(get?.pathParameters.map((p) => p.name)).toEqual(["groupId", "clusterName", "exportId"]);
    expect(get?.queryParameters.map((p) => p.name).sort()).toEqual(["envelope", "pretty"]);
  });

  it.each<[string, (spec: Spec) => void, RegExp]>([
    [
      "an operation listed in x-atlas-export-upstream but missing from paths",
      (spec) => {
        spec["x-atlas-export-upstream"].operations = [
          ...(spec["x-atlas-export-upstream"].operations ?? []),
          {
            operationId: "listRestoreJobs",
            method: "get",
            path: "/api/atlas/v2/groups/{groupId}/restoreJobs",
          },
        ];
      },
      /^operation listRestoreJobs: listed at #\/x-atlas-export-upstream\/operations\/\d+ but missing from #\/paths \(expected GET \/api\/atlas\/v2\/groups\/\{groupId\}\/restoreJobs\)$/,
    ],
    [
      "a broken $ref in the operation",
      (spec) => (job(spec).responses["404"] = { $ref: "#/components/responses/notThere" }),
      /^operation getBackupExportJob: #\/paths\/~1api~1atlas~1v2~1groups~1\{groupId\}~1clusters~1\{clusterName\}~1backup~1exports~1\{exportId\}\/get\/responses\/404: \$ref #\/components\/responses\/notThere does not resolve \(no "notThere"\)$/,
    ],
    [
      "a broken $ref in a component the operation reaches",
      (spec) =>
        (spec.components.schemas.DiskBackupExportJob.properties.exportStatus = {
          $ref: "#/components/schemas/Gone",
        }),
      /^operation \w+: #\/components\/schemas\/DiskBackupExportJob\/properties\/exportStatus: \$ref #\/components\/schemas\/Gone does not resolve/,
    ],
    [
      "a success body under application/json",
      (spec) => {
        const content = job(spec).responses["200"].content;
        content["application/json"] = content[JOB_MEDIA_TYPE];
        delete content[JOB_MEDIA_TYPE];
      },
      /^operation getBackupExportJob: .*\/responses\/200\/content\/application~1json: the 200 response uses media type application\/json, not a versioned Atlas type/,
    ],
    [
      "two versions of the success body",
      (spec) => {
        const content = job(spec).responses["200"].content;
        content["application/vnd.atlas.2024-05-30+json"] = content[JOB_MEDIA_TYPE];
      },
      /^operation getBackupExportJob: .*\/responses\/200\/content: the 200 response needs exactly one versioned media type, found application\/vnd\.atlas\.2023-01-01\+json, application\/vnd\.atlas\.2024-05-30\+json$/,
    ],
    [
      "an error response under a versioned media type",
      (spec) => {
        const content = spec.components.responses.notFound.content;
        content[JOB_MEDIA_TYPE] = content["application/json"];
      },
      /^operation \w+: #\/components\/responses\/notFound\/content\/application~1vnd\.atlas\.2023-01-01\+json: the 404 response uses media type .*; Atlas sends errors as application\/json$/,
    ],
    [
      "a request body in another version than the response",
      (spec) => {
        job(spec).requestBody = {
          content: { "application/vnd.atlas.2024-05-30+json": { schema: { type: "object" } } },
        };
      },
      /^operation getBackupExportJob: .*\/requestBody\/content: the request uses application\/vnd\.atlas\.2024-05-30\+json but the 200 response application\/vnd\.atlas\.2023-01-01\+json/,
    ],
    [
      "no 2xx response",
      (spec) => delete job(spec).responses["200"],
      /^operation getBackupExportJob: .*\/responses: needs exactly one 2xx response, found none$/,
    ],
    [
      "a path template parameter nobody declares",
      (spec) => (job(spec).parameters = job(spec).parameters.filter((p: Spec) => p.name !== "exportId")),
      /^operation getBackupExportJob: .*\/parameters: the path template has \{exportId\} but no path parameter exportId is declared$/,
    ],
    [
      "a discriminator on a base object instead of a oneOf",
      (spec) => {
        spec.components.schemas.ExportStatus.discriminator = {
          propertyName: "kind",
          mapping: { a: "#/components/schemas/StateReason" },
        };
      },
      /^operation \w+: #\/components\/schemas\/ExportStatus\/discriminator: a discriminator without oneOf types #\/components\/schemas\/ExportStatus as one object, not as the union of #\/components\/schemas\/StateReason; give the union a schema of its own/,
    ],
    [
      "a discriminated branch that allows every value of the discriminator",
      (spec) => {
        spec.components.schemas.Kinded = {
          type: "object",
          properties: { kind: { type: "string", enum: ["a", "b"] } },
        };
        spec.components.schemas.ExportStatus = {
          oneOf: [{ $ref: "#/components/schemas/Kinded" }],
          discriminator: { propertyName: "kind", mapping: { a: "#/components/schemas/Kinded" } },
        };
      },
      /^operation \w+: #\/components\/schemas\/Kinded: the discriminator of #\/components\/schemas\/ExportStatus maps kind a here, but #\/components\/schemas\/Kinded allows kind a, b; declare kind: \{ type: string, enum: \[a\] \} in #\/components\/schemas\/Kinded/,
    ],
    [
      "an operationId that is not a camelCase identifier",
      (spec) => (job(spec).operationId = "get-backup-export-job"),
      /^GET \/api\/.*: operationId "get-backup-export-job" must be a camelCase identifier/,
    ],
  ])("refuses %s, naming the operation and the node", async (_name, change, message) => {
    const spec = specWith(change);
    const { renderPathParameterSchemas } = await import("../scripts/render-validators.mjs");
    expect(() => renderPathParameterSchemas(spec, readOperations(spec))).toThrow(message);
  });
});

describe("`pnpm generate` on a bad spec", () => {
  const scratch = mkdtemp(join(tmpdir(), "atlas-export-types-bad-spec-"));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it("exits 2 with one line naming the operation and the node, and leaves src/generated untouched", async () => {
    const file = join(await scratch, "openapi.yaml");
    await writeFile(
      file,
      stringify(
        specWith((spec) => (job(spec).responses["404"] = { $ref: "#/components/responses/notThere" })),
      ),
    );
    const generatedDir = fileURLToPath(generatedDirUrl);
    const before = await Promise.all(
      (await readdir(generatedDir)).map((f) => readFile(join(generatedDir, f), "utf8")),
    );
    const failure = await promisify(execFile)(process.execPath, [
      fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url)),
      file,
    ]).then(
      () => undefined,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe("");
    expect(failure?.stderr?.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^@atlas-export\/types: cannot generate from .*openapi\.yaml: operation getBackupExportJob: .*\/responses\/404: \$ref #\/components\/responses\/notThere does not resolve/,
      ),
    ]);
    const after = await Promise.all(
      (await readdir(generatedDir)).map((f) => readFile(join(generatedDir, f), "utf8")),
    );
    expect(after).toEqual(before);
  });

  it("exits 2 naming the file when the spec does not exist", async () => {
    const missing = join(await scratch, "nowhere.yaml");
    const failure = await promisify(execFile)(process.execPath, [
      fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url)),
      missing,
    ]).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr?.trim()).toBe(
      `@atlas-export/types: cannot generate from ${missing}: cannot read ${missing}: ENOENT`,
    );
  });
});
