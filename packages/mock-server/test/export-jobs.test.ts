import type { ApiError } from "@atlas-export/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  createManualClock,
  startMockAtlas,
  type ManualClock,
  type MockAtlas,
  type MockAtlasOptions,
} from "../src/index.js";
import { MEDIA_2023, callApi, digestAuthorization, fetchNonce, mintToken } from "./helpers.js";

const GROUP = "5f1b0c0d0e0f101112131415";
const SNAPSHOT = "6650a1b2c3d4e5f600000001";
const OLDER_SNAPSHOT = "6650a1b2c3d4e5f600000000";
const BUCKET = "6650a1b2c3d4e5f6000000b1";
const exportsPath = (clusterName = "Cluster0", groupId = GROUP) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/exports`;

let atlas: MockAtlas;
let clock: ManualClock;
let token: string;

async function start(options: MockAtlasOptions = {}) {
  clock = createManualClock("2026-01-01T12:00:00Z");
  atlas = await startMockAtlas({
    clock,
    jobs: [],
    buckets: [
      { groupId: GROUP, _id: BUCKET, cloudProvider: "AWS", bucketName: "exports", iamRoleId: BUCKET },
    ],
    snapshots: [
      { groupId: GROUP, clusterName: "Cluster0", id: SNAPSHOT, createdAt: "2026-01-01T11:00:00Z" },
      { groupId: GROUP, clusterName: "Cluster0", id: OLDER_SNAPSHOT, createdAt: "2025-12-31T11:00:00Z" },
    ],
    ...options,
  });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
}
const call = (method: string, path: string, body?: unknown) =>
  callApi(atlas.url, token, method, path, body === undefined ? {} : { body });
const create = (body: unknown = { snapshotId: SNAPSHOT, exportBucketId: BUCKET }) =>
  call("POST", exportsPath(), body);

afterEach(() => atlas.close());

describe("createBackupExportJob", () => {
  beforeEach(() => start());

  it("creates a Queued job for the snapshot and bucket that runs to Successful on the emulator's clock", async () => {
    const response = await create({
      snapshotId: SNAPSHOT,
      exportBucketId: BUCKET,
      customData: [{ key: "exported-by", value: "test" }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MEDIA_2023);
    const job = (await response.json()) as { id: string } & Record<string, unknown>;
    expect(job).toMatchObject({
      id: expect.stringMatching(/^[a-f0-9]{24}$/),
      snapshotId: SNAPSHOT,
      exportBucketId: BUCKET,
      customData: [{ key: "exported-by", value: "test" }],
      createdAt: "2026-01-01T12:00:00Z",
      state: "Queued",
      exportStatus: { exportedCollections: 0, totalCollections: 12 },
      links: [{ href: `${atlas.url}${exportsPath()}/${job.id}`, rel: "self" }],
    });
    expect(job).not.toHaveProperty("finishedAt");

    const read = async () => (await call("GET", `${exportsPath()}/${job.id}`)).json();
    clock.advance(6_000);
    expect(await read()).toMatchObject({ state: "InProgress", exportStatus: { exportedCollections: 6 } });
    clock.advance(4_000);
    expect(await read()).toMatchObject({
      state: "Successful",
      exportStatus: { exportedCollections: 12, totalCollections: 12 },
      finishedAt: "2026-01-01T12:00:10Z",
    });
  });

  it("stores only each label's key and value, whatever else a hostile body nests in it", async () => {
    // 10,000 levels (about 60 KB, under the 64 KiB body limit), written as text: JSON.stringify would overflow here.
    const deep = `${'{"d":'.repeat(10_000)}{}${"}".repeat(10_000)}`;
    const response = await create(
      `{"snapshotId":"${SNAPSHOT}","exportBucketId":"${BUCKET}","customData":[{"key":"k","value":"v","extra":${deep}}]}`,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ customData: [{ key: "k", value: "v" }] });
    expect(atlas.jobs.list()[0]?.job.customData).toEqual([{ key: "k", value: "v" }]);
  });

  it("runs created jobs with the exportJobLifecycle option", async () => {
    await atlas.close();
    await start({
      exportJobLifecycle: { totalCollections: 3, queuedMs: 0, durationMs: 1_000, outcome: "Failed" },
    });
    const job = (await (await create()).json()) as { id: string };
    clock.advance(1_000);
    expect(await (await call("GET", `${exportsPath()}/${job.id}`)).json()).toMatchObject({
      state: "Failed",
      exportStatus: { totalCollections: 3 },
      stateReason: { errorCode: "EXPORT_FAILED" },
    });
  });

  it("answers 409 while an export of the same snapshot to the same bucket runs, and accepts it again once that ended", async () => {
    const first = (await (await create()).json()) as { id: string };
    const duplicate = await create();
    expect(duplicate.status).toBe(409);
    const error = (await duplicate.json()) as ApiError;
    expect(error).toMatchObject({ error: 409, errorCode: "EXPORT_ALREADY_IN_PROGRESS", reason: "Conflict" });
    expect(error.detail).toContain(first.id);

    // Another snapshot to the same bucket is no duplicate.
    expect((await create({ snapshotId: OLDER_SNAPSHOT, exportBucketId: BUCKET })).status).toBe(200);

    clock.advance(10_000);
    expect((await create()).status).toBe(200);
  });

  it.each<[string, unknown]>([
    ["an unknown snapshot", { snapshotId: "ffffffffffffffffffffffff", exportBucketId: BUCKET }],
    ["an unknown bucket", { snapshotId: SNAPSHOT, exportBucketId: "ffffffffffffffffffffffff" }],
  ])("answers 404 RESOURCE_NOT_FOUND for %s", async (_name, body) => {
    const response = await create(body);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 404, errorCode: "RESOURCE_NOT_FOUND" });
  });

  it("answers 404 RESOURCE_NOT_FOUND for a snapshot of another cluster", async () => {
    atlas.clusters.add({ groupId: GROUP, clusterName: "Cluster1" });
    const response = await call("POST", exportsPath("Cluster1"), {
      snapshotId: SNAPSHOT,
      exportBucketId: BUCKET,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorCode: "RESOURCE_NOT_FOUND" });
  });

  it("answers 400 for a snapshot that is not completed", async () => {
    atlas.snapshots.add({
      groupId: GROUP,
      clusterName: "Cluster0",
      id: "6650a1b2c3d4e5f600000009",
      status: "inProgress",
    });
    const response = await create({ snapshotId: "6650a1b2c3d4e5f600000009", exportBucketId: BUCKET });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: "SNAPSHOT_NOT_COMPLETE" });
  });

  it.each<[string, unknown, string]>([
    ["no snapshotId", { exportBucketId: BUCKET }, "snapshotId"],
    ["no exportBucketId", { snapshotId: SNAPSHOT }, "exportBucketId"],
    [
      "an exportBucketId that is not 24 hex digits",
      { snapshotId: SNAPSHOT, exportBucketId: "bucket" },
      "exportBucketId",
    ],
    [
      "customData that is not a list",
      { snapshotId: SNAPSHOT, exportBucketId: BUCKET, customData: "x" },
      "customData",
    ],
  ])("answers 400 VALIDATION_ERROR for %s, naming the field", async (_name, body, field) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as ApiError;
    expect(error.errorCode).toBe("VALIDATION_ERROR");
    expect(error.badRequestDetail?.fields?.map((violation) => violation.field)).toEqual([field]);
    expect(atlas.jobs.list()).toEqual([]);
  });
});

describe("listBackupExportJobs", () => {
  beforeEach(() => start());

  it("lists the cluster's jobs in creation order, each as of the clock, and no other cluster's", async () => {
    const first = (await (await create()).json()) as { id: string };
    clock.advance(5_000);
    const second = (await (await create({ snapshotId: OLDER_SNAPSHOT, exportBucketId: BUCKET })).json()) as {
      id: string;
    };
    atlas.jobs.add({ groupId: GROUP, clusterName: "Cluster1", exportId: "6650a1b2c3d4e5f6000000c1" });
    const response = await call("GET", exportsPath());
    expect(response.headers.get("content-type")).toBe(MEDIA_2023);
    const page = (await response.json()) as {
      results: Array<{ id: string; state: string }>;
      totalCount: number;
    };
    expect(page.totalCount).toBe(2);
    expect(page.results.map((job) => [job.id, job.state])).toEqual([
      [first.id, "InProgress"],
      [second.id, "Queued"],
    ]);
  });

  it("pages jobs 500 at a time at most", async () => {
    for (let i = 0; i < 3; i += 1) {
      atlas.jobs.add({ groupId: GROUP, clusterName: "Cluster0", exportId: `6650a1b2c3d4e5f6000000${i}0` });
    }
    const page = (await (await call("GET", `${exportsPath()}?itemsPerPage=2&pageNum=2`)).json()) as {
      results: Array<{ id: string }>;
    };
    expect(page.results.map((job) => job.id)).toEqual(["6650a1b2c3d4e5f600000020"]);
    expect((await call("GET", `${exportsPath()}?itemsPerPage=501`)).status).toBe(400);
  });
});

describe("writes with HTTP Digest", () => {
  beforeEach(() => start());

  const signed = async (method: string, path: string, signAs = method) => {
    const nonce = await fetchNonce(atlas.url, path);
    return digestAuthorization({
      username: DEMO_API_KEY.publicKey,
      password: DEMO_API_KEY.privateKey,
      method: signAs,
      uri: path,
      nonce,
    });
  };

  it("creates an export and deletes a bucket with the method and URI signed in HA2", async () => {
    const path = exportsPath();
    const created = await fetch(atlas.url + path, {
      method: "POST",
      headers: {
        authorization: await signed("POST", path),
        accept: MEDIA_2023,
        "content-type": MEDIA_2023,
      },
      body: JSON.stringify({ snapshotId: SNAPSHOT, exportBucketId: BUCKET }),
    });
    expect(created.status).toBe(200);

    clock.advance(10_000);
    const bucketPath = `/api/atlas/v2/groups/${GROUP}/backup/exportBuckets/${BUCKET}`;
    const deleted = await fetch(atlas.url + bucketPath, {
      method: "DELETE",
      headers: { authorization: await signed("DELETE", bucketPath) },
    });
    expect(deleted.status).toBe(204);
    expect(atlas.stats.digestAuthenticated).toBe(2);
  });

  it("rejects a POST signed as a GET", async () => {
    const path = exportsPath();
    const response = await fetch(atlas.url + path, {
      method: "POST",
      headers: { authorization: await signed("POST", path, "GET"), "content-type": MEDIA_2023 },
      body: JSON.stringify({ snapshotId: SNAPSHOT, exportBucketId: BUCKET }),
    });
    expect(response.status).toBe(401);
    expect(atlas.jobs.list()).toEqual([]);
  });
});

describe("faults by operationId", () => {
  beforeEach(() => start());

  it("answers createBackupExportJob with the fault and leaves getBackupExportJob alone", async () => {
    const job = (await (await create()).json()) as { id: string };
    atlas.faults.add({
      match: { operationId: "createBackupExportJob" },
      fault: { type: "status", status: 503, retryAfter: 1 },
    });
    clock.advance(10_000);
    const refused = await create();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await call("GET", `${exportsPath()}/${job.id}`)).status).toBe(200);
    expect(atlas.jobs.list()).toHaveLength(1);
  });
});
