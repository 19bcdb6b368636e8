import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  DEMO_SERVICE_ACCOUNT,
  createManualClock,
  startMockAtlas,
  type JobRef,
  type ManualClock,
  type MockAtlas,
} from "../src/index.js";
import { ATLAS_ACCEPT, DOCUMENTED_REF, jobPath, mintToken } from "./helpers.js";

interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  [keyword: string]: unknown;
}

const spec = parse(readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8")) as {
  components: { schemas: Record<string, Schema> };
};
const schemas = spec.components.schemas;

/**
 * Closes every object schema of the fragment (additionalProperties: false), so a field the spec does not
 * declare fails validation instead of slipping through.
 */
function closed(schema: Schema): Schema {
  const copy: Schema = { ...schema };
  if (copy.$ref !== undefined) copy.$ref = copy.$ref.replace("#/components/schemas/", "#/definitions/");
  if (copy.properties !== undefined) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties).map(([key, value]) => [key, closed(value)]),
    );
    copy["additionalProperties"] = false;
  }
  if (copy.items !== undefined) copy.items = closed(copy.items);
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const definitions = Object.fromEntries(
  Object.entries(schemas).map(([name, schema]) => [name, closed(schema)]),
);
const validatorFor = (name: string): ValidateFunction =>
  ajv.compile({ definitions, $ref: `#/definitions/${name}` });
const validateJob = validatorFor("DiskBackupExportJob");
const validateError = validatorFor("ApiError");
const validateSnapshot = validatorFor("DiskBackupReplicaSet");
const validateAwsBucket = validatorFor("DiskBackupSnapshotAWSExportBucketResponse");

const REF: JobRef = {
  groupId: "5f1b0c0d0e0f101112131415",
  clusterName: "Cluster-7",
  exportId: "6650a1b2c3d4e5f601234567",
};

let clock: ManualClock;
let atlas: MockAtlas;
let token: string;

beforeAll(async () => {
  clock = createManualClock();
  atlas = await startMockAtlas({ clock, rateLimit: { limit: 1, windowMs: 60_000 } });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
});
afterAll(() => atlas.close());

async function get(path: string, accept: Record<string, string> = ATLAS_ACCEPT) {
  // A fresh window per request (the token lives an hour; a dozen requests move the clock 12 minutes): only the 429 case below uses up the limit of 1.
  clock.advance(60_000);
  return fetch(atlas.url + path, { headers: { ...accept, authorization: `Bearer ${token}` } });
}

describe("every body the emulator sends conforms to the spec fragment's schemas (closed)", () => {
  it.each<[string, Parameters<MockAtlas["jobs"]["add"]>[0], number]>([
    ["a Queued job", { ...REF, queuedMs: 120_000 }, 60_000],
    ["an InProgress sharded job", { ...REF, queuedMs: 0, durationMs: 600_000, shards: 3 }, 60_000],
    [
      "a Successful job with customData",
      { ...REF, queuedMs: 0, durationMs: 1, customData: [{ key: "k", value: "v" }] },
      60_000,
    ],
    ["a Failed job", { ...REF, queuedMs: 0, durationMs: 1, outcome: "Failed" }, 60_000],
    ["a Cancelled job", { ...REF, queuedMs: 0, durationMs: 1, outcome: "Cancelled" }, 60_000],
  ])("%s", async (_name, definition) => {
    atlas.jobs.add(definition);
    try {
      const response = await get(jobPath(REF));
      expect(response.status).toBe(200);
      const body: unknown = await response.json();
      expect(validateJob(body), JSON.stringify(validateJob.errors)).toBe(true);
    } finally {
      atlas.jobs.remove(REF);
    }
  });

  it("the documented job", async () => {
    const body: unknown = await (await get(jobPath(DOCUMENTED_REF))).json();
    expect(validateJob(body), JSON.stringify(validateJob.errors)).toBe(true);
  });

  it.each([
    ["400", jobPath({ ...REF, groupId: "bad" }), ATLAS_ACCEPT],
    ["404", jobPath(REF), ATLAS_ACCEPT],
    ["404 CLUSTER_NOT_FOUND", jobPath({ ...REF, clusterName: "NoSuchCluster" }), ATLAS_ACCEPT],
    ["406", jobPath(DOCUMENTED_REF), { accept: "application/json" }],
  ])("the %s ApiError", async (name, path, accept) => {
    const response = await get(path, accept);
    expect(String(response.status)).toBe(name.slice(0, 3));
    const body: unknown = await response.json();
    expect(validateError(body), JSON.stringify(validateError.errors)).toBe(true);
  });

  it("the 401 ApiError", async () => {
    const body: unknown = await (await fetch(atlas.url + jobPath(DOCUMENTED_REF))).json();
    expect(validateError(body), JSON.stringify(validateError.errors)).toBe(true);
  });

  it("the 429 ApiError", async () => {
    const first = await get(jobPath(DOCUMENTED_REF));
    expect(first.status).toBe(200);
    const second = await fetch(atlas.url + jobPath(DOCUMENTED_REF), {
      headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
    });
    expect(second.status).toBe(429);
    const body: unknown = await second.json();
    expect(validateError(body), JSON.stringify(validateError.errors)).toBe(true);
  });

  it("a snapshot and an AWS bucket (no undeclared fields)", async () => {
    const group = "/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8";
    const snapshots = (await (await get(`${group}/clusters/Cluster0/backup/snapshots`)).json()) as {
      results: unknown[];
    };
    expect(snapshots.results).toHaveLength(3);
    for (const snapshot of snapshots.results) {
      expect(validateSnapshot(snapshot), JSON.stringify(validateSnapshot.errors)).toBe(true);
    }
    const bucket: unknown = await (
      await get(`${group}/backup/exportBuckets/32b6e34b3d91647abb20e7b8`, {
        accept: "application/vnd.atlas.2024-05-30+json",
      })
    ).json();
    expect(validateAwsBucket(bucket), JSON.stringify(validateAwsBucket.errors)).toBe(true);
  });

  it("rejects a field the spec does not declare (the check can fail)", () => {
    expect(validateJob({ exportBucketId: "32b6e34b3d91647abb20e7b8", progress: 1 })).toBe(false);
  });
});
