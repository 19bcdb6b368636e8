import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_CLUSTER,
  createManualClock,
  startMockAtlas,
  type MockAtlas,
  type MockAtlasOptions,
} from "../src/index.js";
import { MEDIA_2024, callApi, mintToken } from "./helpers.js";

const GROUP = "5f1b0c0d0e0f101112131415";
const OTHER_GROUP = "5f1b0c0d0e0f1011121314ff";
const ID = "6650a1b2c3d4e5f600000001";
const BUCKET = "6650a1b2c3d4e5f6000000b1";
const cluster = (clusterName: string, groupId = GROUP) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup`;

let atlas: MockAtlas;
let token: string;
const start = async (options: MockAtlasOptions = {}) => {
  atlas = await startMockAtlas({ clock: createManualClock("2026-01-01T12:00:00Z"), ...options });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
};
const call = (method: string, path: string, body?: unknown) =>
  callApi(atlas.url, token, method, path, body === undefined ? {} : { body });
afterEach(() => atlas.close());

/** Atlas's answer for a cluster-scoped call on a cluster that does not exist, word for word. */
const clusterNotFound = (clusterName: string, groupId = GROUP) => ({
  detail: `No cluster named ${clusterName} exists in group ${groupId}.`,
  error: 404,
  errorCode: "CLUSTER_NOT_FOUND",
  parameters: [clusterName, groupId],
  reason: "Not Found",
});

describe("a cluster nobody named", () => {
  it.each<[string, string, string, unknown]>([
    ["listBackupExportJobs", "GET", "/exports", undefined],
    ["createBackupExportJob", "POST", "/exports", { snapshotId: ID, exportBucketId: BUCKET }],
    ["getBackupExportJob", "GET", `/exports/${ID}`, undefined],
    ["listReplicaSetBackups", "GET", "/snapshots", undefined],
    ["getReplicaSetBackup", "GET", `/snapshots/${ID}`, undefined],
  ])("answers %s with 404 CLUSTER_NOT_FOUND as Atlas words it", async (_operationId, method, path, body) => {
    await start();
    const response = await call(method, cluster("Unknown") + path, body);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(clusterNotFound("Unknown"));
  });

  it("answers CLUSTER_NOT_FOUND for a job of the cluster that is stored, once the cluster is removed", async () => {
    await start();
    atlas.jobs.add({ groupId: GROUP, clusterName: "Gone", exportId: ID });
    expect((await call("GET", `${cluster("Gone")}/exports/${ID}`)).status).toBe(200);
    expect(atlas.clusters.remove({ groupId: GROUP, clusterName: "Gone" })).toBe(true);
    expect(await (await call("GET", `${cluster("Gone")}/exports/${ID}`)).json()).toEqual(
      clusterNotFound("Gone"),
    );
  });

  it("answers what the README shows for it", async () => {
    await start();
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const shown = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((match) => JSON.parse(match[1] ?? "") as { errorCode?: string; parameters?: string[] })
      .find((body) => body.errorCode === "CLUSTER_NOT_FOUND");
    const [clusterName = "", groupId = ""] = shown?.parameters ?? [];
    expect(await (await call("GET", `${cluster(clusterName, groupId)}/snapshots`)).json()).toEqual(shown);
  });

  it("creates no job on it, even from a snapshot of it still stored", async () => {
    await start({
      buckets: [
        { groupId: GROUP, _id: BUCKET, cloudProvider: "AWS", bucketName: "exports", iamRoleId: BUCKET },
      ],
      snapshots: [{ groupId: GROUP, clusterName: "Gone", id: ID }],
    });
    atlas.clusters.remove({ groupId: GROUP, clusterName: "Gone" });
    const response = await call("POST", `${cluster("Gone")}/exports`, {
      snapshotId: ID,
      exportBucketId: BUCKET,
    });
    expect(response.status).toBe(404);
    expect(atlas.jobs.list({ groupId: GROUP })).toEqual([]);
  });

  it("is unknown in a project other than the one that has it", async () => {
    await start({ clusters: [{ groupId: GROUP, clusterName: "Cluster1" }] });
    expect(await (await call("GET", `${cluster("Cluster1", OTHER_GROUP)}/snapshots`)).json()).toEqual(
      clusterNotFound("Cluster1", OTHER_GROUP),
    );
  });

  it("wraps CLUSTER_NOT_FOUND in the envelope with envelope=true", async () => {
    await start();
    const response = await call("GET", `${cluster("Unknown")}/snapshots?envelope=true`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 404, content: clusterNotFound("Unknown") });
  });

  it("answers 400 for a cluster name the spec rejects, before looking the cluster up", async () => {
    await start();
    const response = await call("GET", `${cluster("Cluster_0")}/snapshots`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: "VALIDATION_ERROR" });
  });

  it("leaves the project's bucket operations alone (they are project-scoped)", async () => {
    await start({ clusters: [], snapshots: [], jobs: [] });
    const response = await callApi(
      atlas.url,
      token,
      "GET",
      `/api/atlas/v2/groups/${GROUP}/backup/exportBuckets`,
      {
        mediaType: MEDIA_2024,
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ results: [], totalCount: 0 });
  });
});

describe("a cluster exists when something names it", () => {
  it("keeps the documented Cluster0 by default, even with no snapshots and no jobs", async () => {
    await start({ snapshots: [], jobs: [] });
    const { groupId, clusterName } = DOCUMENTED_CLUSTER;
    expect(await (await call("GET", `${cluster(clusterName, groupId)}/snapshots`)).json()).toMatchObject({
      results: [],
      totalCount: 0,
    });
  });

  it("serves an empty page of snapshots and of jobs for a cluster given in `clusters`", async () => {
    await start({ clusters: [{ groupId: GROUP, clusterName: "Empty" }] });
    for (const list of ["snapshots", "exports"]) {
      const response = await call("GET", `${cluster("Empty")}/${list}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ results: [], totalCount: 0 });
    }
  });

  it("answers an unknown job of a known cluster with the job's 404 RESOURCE_NOT_FOUND", async () => {
    await start({ clusters: [{ groupId: GROUP, clusterName: "Empty" }] });
    const response = await call("GET", `${cluster("Empty")}/exports/${ID}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorCode: "RESOURCE_NOT_FOUND" });
  });

  it("knows the cluster a seeded snapshot names", async () => {
    await start({ clusters: [], snapshots: [{ groupId: GROUP, clusterName: "Snap", id: ID }] });
    expect(await (await call("GET", `${cluster("Snap")}/snapshots`)).json()).toMatchObject({ totalCount: 1 });
  });

  it("knows the cluster a seeded job names", async () => {
    await start({ clusters: [], jobs: [{ groupId: GROUP, clusterName: "Job", exportId: ID }] });
    expect(await (await call("GET", `${cluster("Job")}/exports`)).json()).toMatchObject({ totalCount: 1 });
  });

  it("knows a cluster once a snapshot of it is added at run time", async () => {
    await start();
    atlas.snapshots.add({ groupId: GROUP, clusterName: "Later", id: ID });
    expect((await call("GET", `${cluster("Later")}/snapshots/${ID}`)).status).toBe(200);
  });

  it("knows a cluster added with clusters.add at run time", async () => {
    await start();
    atlas.clusters.add({ groupId: GROUP, clusterName: "Later" });
    expect((await call("GET", `${cluster("Later")}/exports`)).status).toBe(200);
  });

  it("replaces only the default Cluster0 when `clusters` is given: the default snapshots still name it", async () => {
    await start({ clusters: [{ groupId: GROUP, clusterName: "Cluster1" }] });
    expect(atlas.clusters.list()).toEqual([
      { groupId: GROUP, clusterName: "Cluster1" },
      { ...DOCUMENTED_CLUSTER },
    ]);
  });
});

describe("clusters (the run-time store)", () => {
  it("lists one project's clusters in the order they became known", async () => {
    await start({
      clusters: [{ groupId: GROUP, clusterName: "B" }],
      snapshots: [{ groupId: GROUP, clusterName: "A", id: ID }],
      jobs: [{ groupId: OTHER_GROUP, clusterName: "C", exportId: ID }],
    });
    expect(atlas.clusters.list(GROUP)).toEqual([
      { groupId: GROUP, clusterName: "B" },
      { groupId: GROUP, clusterName: "A" },
    ]);
  });

  it("says whether a cluster exists", async () => {
    await start();
    expect(atlas.clusters.has(DOCUMENTED_CLUSTER)).toBe(true);
    expect(atlas.clusters.has({ groupId: GROUP, clusterName: "Cluster0" })).toBe(false);
  });

  it("answers false when removing a cluster it does not have", async () => {
    await start();
    expect(atlas.clusters.remove({ groupId: GROUP, clusterName: "Unknown" })).toBe(false);
  });

  it.each<[string, unknown, RegExp]>([
    [
      "a clusterName the spec rejects",
      { groupId: GROUP, clusterName: "-bad" },
      /cluster "clusterName" .*"-bad"/,
    ],
    ["a groupId that is not 24 hex digits", { groupId: "x", clusterName: "A" }, /cluster "groupId" .*"x"/],
    ["no clusterName", { groupId: GROUP }, /cluster needs "clusterName" as a string, got undefined/],
    ["null", null, /cluster must be an object with groupId and clusterName/],
  ])("refuses %s, naming the field", async (_name, ref, message) => {
    await start();
    expect(() => atlas.clusters.add(ref as never)).toThrow(message);
  });
});

describe("the clusters option", () => {
  it("must be an array", async () => {
    await expect(startMockAtlas({ clusters: "Cluster0" as never })).rejects.toThrow(
      '@atlas-export/mock-server: option "clusters" must be an array of { groupId, clusterName }, got a string of 8 characters',
    );
  });

  it("refuses an entry with a bad clusterName", async () => {
    await expect(startMockAtlas({ clusters: [{ groupId: GROUP, clusterName: "a_b" }] })).rejects.toThrow(
      /@atlas-export\/mock-server: cluster "clusterName"/,
    );
  });
});
