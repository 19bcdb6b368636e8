// The promise of the generator: a new operation in the spec plus `pnpm generate` gives its aliases, its
// operation-table entry and its validators, with no hand-written per-operation code. Here the generator
// runs on a copy of the spec with two more operations, into a copy of this package's hand-written src/,
// and a consumer of the new names must compile and behave.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specUrl } from "../scripts/render-types.mjs";

const MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";
const RESTORE_JOBS = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs";

/** The checked-in spec plus getBackupRestoreJob (aliased result) and createBackupRestoreJob (inline body). */
async function specWithRestoreJobs(): Promise<string> {
  const spec = parse(await readFile(specUrl, "utf8"));
  const groupId = { $ref: "#/components/parameters/groupId" };
  const clusterName = {
    name: "clusterName",
    in: "path",
    required: true,
    schema: { type: "string", minLength: 1, maxLength: 64, pattern: "^[a-zA-Z0-9][a-zA-Z0-9-]*$" },
  };
  const ok = {
    description: "OK",
    content: { [MEDIA_TYPE]: { schema: { $ref: "#/components/schemas/DiskBackupRestoreJob" } } },
  };
  spec.components.schemas.DiskBackupRestoreJob = {
    type: "object",
    description: "One restore job of a cluster.",
    "x-atlas-export-alias": "BackupRestoreJob",
    required: ["deliveryType"],
    properties: {
      id: { type: "string", pattern: "^([a-f0-9]{24})$", readOnly: true },
      deliveryType: { type: "string", enum: ["automated", "download", "pointInTime"] },
    },
  };
  // A union discriminated by `kind`, as the bucket unions are: each branch allOf a shared base (which
  // allows both values) and narrows `kind` to its own.
  spec.components.schemas.RestoreTargetBase = {
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string", enum: ["a", "b"] }, name: { type: "string" } },
  };
  for (const kind of ["a", "b"]) {
    spec.components.schemas[`RestoreTarget${kind.toUpperCase()}`] = {
      allOf: [{ $ref: "#/components/schemas/RestoreTargetBase" }],
      properties: { kind: { type: "string", enum: [kind] } },
    };
  }
  spec.components.schemas.RestoreTarget = {
    "x-atlas-export-alias": "RestoreTarget",
    oneOf: [{ $ref: "#/components/schemas/RestoreTargetA" }, { $ref: "#/components/schemas/RestoreTargetB" }],
    discriminator: {
      propertyName: "kind",
      mapping: { a: "#/components/schemas/RestoreTargetA", b: "#/components/schemas/RestoreTargetB" },
    },
  };
  spec.components.schemas.DiskBackupRestoreJob.properties.target = {
    $ref: "#/components/schemas/RestoreTarget",
  };
  spec.paths[`${RESTORE_JOBS}/{restoreJobId}`] = {
    get: {
      operationId: "getBackupRestoreJob",
      summary: "Return One Restore Job of One Cluster",
      parameters: [
        groupId,
        clusterName,
        {
          name: "restoreJobId",
          in: "path",
          required: true,
          schema: { type: "string", pattern: "^([a-f0-9]{24})$" },
        },
      ],
      responses: { "200": ok, "404": { $ref: "#/components/responses/notFound" } },
    },
  };
  spec.paths[RESTORE_JOBS] = {
    post: {
      operationId: "createBackupRestoreJob",
      summary: "Restore One Snapshot of One Cluster",
      parameters: [groupId, clusterName],
      requestBody: {
        required: true,
        content: {
          [MEDIA_TYPE]: {
            schema: {
              type: "object",
              required: ["snapshotId"],
              properties: { snapshotId: { type: "string", pattern: "^([a-f0-9]{24})$" } },
            },
          },
        },
      },
      responses: { "200": ok },
    },
  };
  return stringify(spec);
}

const consumer = `
import {
  operationTable,
  type BackupRestoreJob,
  type CreateBackupRestoreJobBody,
  type CreateBackupRestoreJobParams,
  type CreateBackupRestoreJobResult,
  type GetBackupRestoreJobParams,
  type GetBackupRestoreJobResult,
  type OperationTypes,
  type RestoreTarget,
} from "./src/index.js";
import { validatePathParameter, validateBackupRestoreJob, validateResponse } from "./src/validators.js";

export const params: GetBackupRestoreJobParams = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  restoreJobId: "32b6e34b3d91647abb20e7b8",
};
export const createParams: CreateBackupRestoreJobParams = { groupId: params.groupId, clusterName: "Cluster0" };
export const body: CreateBackupRestoreJobBody = { snapshotId: "32b6e34b3d91647abb20e7b8" };
export const job: GetBackupRestoreJobResult = { deliveryType: "automated" };
export const sameJob: BackupRestoreJob = job;
export const created: CreateBackupRestoreJobResult = sameJob;
export const result: OperationTypes["getBackupRestoreJob"]["result"] = created;
export const path: "${RESTORE_JOBS}/{restoreJobId}" = operationTable.getBackupRestoreJob.path;
export const method: "POST" = operationTable.createBackupRestoreJob.method;
export const target: RestoreTarget = { kind: "b", name: "x" };
export const checks = [
  validatePathParameter("restoreJobId", "x"),
  validateBackupRestoreJob(job),
  validateResponse("getBackupRestoreJob", job),
];
// @ts-expect-error deliveryType is one of the spec's three values
export const wrong: BackupRestoreJob = { deliveryType: "email" };
// @ts-expect-error the body takes snapshotId only
export const extra: CreateBackupRestoreJobBody = { snapshotId: "32b6e34b3d91647abb20e7b8", restore: true };
`;

let dir: string;
let generateOutput: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "atlas-export-types-new-operation-"));
  const src = fileURLToPath(new URL("../src/", import.meta.url));
  // Only the hand-written files: src/generated/ comes from the generator alone.
  await cp(src, join(dir, "src"), { recursive: true, filter: (from) => !from.includes("/generated") });
  await writeFile(join(dir, "openapi.yaml"), await specWithRestoreJobs());
  await writeFile(join(dir, "consumer.ts"), consumer);
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const { stdout } = await promisify(execFile)(process.execPath, [
    fileURLToPath(new URL("../scripts/generate.mjs", import.meta.url)),
    join(dir, "openapi.yaml"),
    join(dir, "src/generated"),
  ]);
  generateOutput = stdout;
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("an operation added to the spec", () => {
  it("needs nothing but `pnpm generate`: the generator writes every generated file", async () => {
    expect(generateOutput).toContain("wrote");
    expect((await readdir(join(dir, "src/generated"))).sort()).toEqual(
      (await readdir(fileURLToPath(new URL("../src/generated/", import.meta.url)))).sort(),
    );
  });

  it("gets aliases, a table entry and validators that a consumer compiles against", () => {
    const base = fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url));
    const { config } = ts.readConfigFile(base, ts.sys.readFile);
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, dir);
    const program = ts.createProgram([join(dir, "consumer.ts")], { ...options, noEmit: true, types: [] });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toEqual([]);
  }, 60_000);

  it("is in the operation table with its method, path, media types and parameters", async () => {
    const { operationTable } = await import(join(dir, "src/index.ts"));
    expect(operationTable.createBackupRestoreJob).toEqual({
      method: "POST",
      path: RESTORE_JOBS,
      pathParameters: ["groupId", "clusterName"],
      queryParameters: [],
      requestMediaType: MEDIA_TYPE,
      responseMediaType: MEDIA_TYPE,
      successStatus: 200,
      paginated: false,
    });
    expect(operationTable.getBackupRestoreJob.pathParameters).toEqual([
      "groupId",
      "clusterName",
      "restoreJobId",
    ]);
  });

  it("has its path parameter and its response checked at runtime", async () => {
    const { validatePathParameter, validateResponse, validateBackupRestoreJob } = await import(
      join(dir, "src/validators.ts")
    );
    expect(validatePathParameter("restoreJobId", "32b6e34b3d91647abb20e7b8")).toEqual([]);
    expect(validatePathParameter("restoreJobId", "../x")[0]).toMatchObject({ keyword: "pattern" });
    expect(validateResponse("getBackupRestoreJob", { deliveryType: "download" })).toEqual([]);
    expect(validateResponse("createBackupRestoreJob", { deliveryType: "email" })[0]).toMatchObject({
      pointer: "/deliveryType",
      keyword: "enum",
    });
    expect(validateBackupRestoreJob({})[0]).toMatchObject({ keyword: "required" });
    const { validateRequestBody } = await import(join(dir, "src/validators.ts"));
    expect(validateRequestBody("createBackupRestoreJob", { snapshotId: "32b6e34b3d91647abb20e7b8" })).toEqual(
      [],
    );
    expect(validateRequestBody("createBackupRestoreJob", {})[0]).toMatchObject({ keyword: "required" });
  });

  it("validates a discriminated union by its discriminator, not by whichever branches fit", async () => {
    const { validateRestoreTarget } = await import(join(dir, "src/validators.ts"));
    expect(validateRestoreTarget({ kind: "a", name: "x" })).toEqual([]);
    expect(validateRestoreTarget({ kind: "b", name: "x" })).toEqual([]);
    expect(validateRestoreTarget({ kind: "c" })).not.toEqual([]);
    expect(validateRestoreTarget({ name: "x" })).not.toEqual([]);
  });
});
