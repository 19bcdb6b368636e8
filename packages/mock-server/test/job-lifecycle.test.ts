import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_JOB,
  createManualClock,
  startMockAtlas,
  type JobRef,
  type ManualClock,
  type MockAtlas,
} from "../src/index.js";
import { ATLAS_ACCEPT, jobPath, mintToken } from "./helpers.js";

const REF: JobRef = {
  groupId: "5f1b0c0d0e0f101112131415",
  clusterName: "Cluster0",
  exportId: "6650a1b2c3d4e5f601234567",
};
const START = "2026-01-01T00:00:00Z";

let clock: ManualClock;
let atlas: MockAtlas;

beforeEach(async () => {
  clock = createManualClock(START);
  atlas = await startMockAtlas({ clock, jobs: [] });
});
afterEach(() => atlas.close());

const add = (definition: Partial<Parameters<MockAtlas["jobs"]["add"]>[0]> = {}) =>
  atlas.jobs.add({ ...REF, totalCollections: 40, queuedMs: 2_000, durationMs: 8_000, ...definition });

describe("job lifecycle on the emulator's clock", () => {
  it("starts Queued with nothing exported and no finishedAt", () => {
    const job = add();
    expect(job).toMatchObject({
      state: "Queued",
      exportStatus: { exportedCollections: 0, totalCollections: 40 },
    });
    expect(job.createdAt).toBe("2026-01-01T00:00:00Z");
    expect(job.finishedAt).toBeUndefined();
  });

  it.each([
    [1_999, "Queued", 0],
    [2_000, "InProgress", 0],
    [4_000, "InProgress", 10],
    [6_000, "InProgress", 20],
    [9_999, "InProgress", 39],
    [10_000, "Successful", 40],
    [99_000, "Successful", 40],
  ])("after %i ms a successful job is %s with %i of 40 collections", (elapsed, state, exported) => {
    add();
    clock.advance(elapsed);
    expect(atlas.jobs.get(REF)).toMatchObject({
      state,
      exportStatus: { exportedCollections: exported, totalCollections: 40 },
    });
  });

  it("sets finishedAt to when the job ended and leaves it there", () => {
    add();
    clock.advance(60_000);
    expect(atlas.jobs.get(REF)?.finishedAt).toBe("2026-01-01T00:00:10Z");
  });

  it("ends a Failed job with its stateReason and half of the collections exported", () => {
    add({
      outcome: "Failed",
      stateReason: { errorCode: "BUCKET_ACCESS_DENIED", message: "Access to the bucket was denied." },
    });
    clock.advance(10_000);
    expect(atlas.jobs.get(REF)).toMatchObject({
      state: "Failed",
      stateReason: { errorCode: "BUCKET_ACCESS_DENIED", message: "Access to the bucket was denied." },
      exportStatus: { exportedCollections: 20, totalCollections: 40 },
    });
  });

  it("gives a Failed job a default stateReason", () => {
    add({ outcome: "Failed" });
    clock.advance(10_000);
    expect(atlas.jobs.get(REF)?.stateReason).toEqual({
      errorCode: "EXPORT_FAILED",
      message: expect.any(String),
    });
  });

  it("ends a Cancelled job without a stateReason unless one is given", () => {
    add({ outcome: "Cancelled" });
    clock.advance(10_000);
    const job = atlas.jobs.get(REF);
    expect(job?.state).toBe("Cancelled");
    expect(job?.stateReason).toBeUndefined();
  });

  it("never lowers exportedCollections while the job runs", () => {
    add({ totalCollections: 7, durationMs: 1_000 });
    let previous = 0;
    for (let elapsed = 0; elapsed <= 3_500; elapsed += 50) {
      clock.set(new Date(START).getTime() + elapsed);
      const exported = atlas.jobs.get(REF)?.exportStatus?.exportedCollections ?? -1;
      expect(exported).toBeGreaterThanOrEqual(previous);
      previous = exported;
    }
    expect(previous).toBe(7);
  });

  it("serves a sharded job's components with a 24-hex exportId per replica set", () => {
    const job = add({ shards: 3 });
    expect(job.components).toHaveLength(3);
    for (const component of job.components ?? []) {
      expect(component.exportId).toMatch(/^[a-f0-9]{24}$/);
      expect(component.replicaSetName).toMatch(/-shard-\d$/);
    }
    expect(new Set(job.components?.map((component) => component.exportId)).size).toBe(3);
  });

  it("uses given replica set names for components", () => {
    const job = add({ shards: ["rs-a", "rs-b"] });
    expect(job.components?.map((component) => component.replicaSetName)).toEqual(["rs-a", "rs-b"]);
  });

  it("serves no components for a replica set job", () => {
    expect(add().components).toBeUndefined();
  });

  it("fills the other documented fields with valid values and a self link to the emulator", () => {
    const job = add();
    expect(job.id).toBe(REF.exportId);
    expect(job.exportBucketId).toMatch(/^[a-f0-9]{24}$/);
    expect(job.snapshotId).toMatch(/^[a-f0-9]{24}$/);
    expect(job.prefix).toMatch(/^\/exported_snapshots\//);
    expect(job.links).toEqual([{ rel: "self", href: atlas.url + jobPath(REF) }]);
  });

  it("cancels a running job now, freezing its progress", () => {
    add();
    clock.advance(6_000);
    atlas.jobs.cancel(REF);
    clock.advance(60_000);
    expect(atlas.jobs.get(REF)).toMatchObject({
      state: "Cancelled",
      finishedAt: "2026-01-01T00:00:06Z",
      exportStatus: { exportedCollections: 20 },
    });
  });

  it("fails a running job now with the given reason", () => {
    add();
    clock.advance(3_000);
    const failed = atlas.jobs.fail(REF, {
      errorCode: "SNAPSHOT_DELETED",
      message: "The snapshot was deleted.",
    });
    expect(failed).toMatchObject({ state: "Failed", stateReason: { errorCode: "SNAPSHOT_DELETED" } });
  });

  it("refuses to cancel a job that already finished", () => {
    add();
    clock.advance(10_000);
    expect(() => atlas.jobs.cancel(REF)).toThrow(/already finished \(Successful\)/);
  });

  it("serves a job added at run time over HTTP as it moves on", async () => {
    add({ shards: 2 });
    const token = await mintToken(
      atlas.url,
      DEMO_SERVICE_ACCOUNT.clientId,
      DEMO_SERVICE_ACCOUNT.clientSecret,
    );
    const read = async () =>
      (
        await fetch(atlas.url + jobPath(REF), {
          headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
        })
      ).json();
    expect(await read()).toMatchObject({ state: "Queued" });
    clock.advance(5_000);
    expect(await read()).toMatchObject({ state: "InProgress", exportStatus: { exportedCollections: 15 } });
    clock.advance(5_000);
    expect(await read()).toMatchObject({ state: "Successful", exportStatus: { exportedCollections: 40 } });
  });

  it("lists and removes jobs", () => {
    add();
    expect(atlas.jobs.list().map((entry) => entry.ref)).toEqual([REF]);
    expect(atlas.jobs.remove(REF)).toBe(true);
    expect(atlas.jobs.get(REF)).toBeUndefined();
    expect(atlas.jobs.remove(REF)).toBe(false);
  });

  it.each([
    [
      "a groupId that is not 24 hex digits",
      { groupId: "abc" },
      /"groupId" must NOT have fewer than 24 characters, got "abc"/,
    ],
    ["a negative durationMs", { durationMs: -1 }, /"durationMs" must be an integer >= 0/],
    ["an unknown outcome", { outcome: "Done" }, /"outcome" must be one of Successful, Failed, Cancelled/],
    ["zero shards", { shards: 0 }, /"shards" must be/],
    ["an invalid createdAt", { createdAt: "yesterday" }, /"createdAt" is not a valid time/],
  ])("rejects a definition with %s, naming the field", (_name, change, message) => {
    expect(() => atlas.jobs.add({ ...REF, ...(change as object) })).toThrow(message);
  });

  it("rejects a second job at the same path", () => {
    add();
    expect(() => add()).toThrow(/already exists/);
  });

  it("keeps its own copy of a definition: changing the caller's object later changes nothing", () => {
    const definition = { ...REF, totalCollections: 40, customData: [{ key: "k", value: "v" }] };
    atlas.jobs.add(definition);
    definition.totalCollections = 1;
    definition.customData[0] = { key: "changed", value: "changed" };
    expect(atlas.jobs.get(REF)).toMatchObject({
      exportStatus: { totalCollections: 40 },
      customData: [{ key: "k", value: "v" }],
    });
  });

  it("ships the documented job frozen, so no test can change what later emulators serve", () => {
    expect(Object.isFrozen(DOCUMENTED_EXPORT_JOB)).toBe(true);
    expect(Object.isFrozen(DOCUMENTED_EXPORT_JOB.exportStatus)).toBe(true);
    expect(Object.isFrozen(DOCUMENTED_EXPORT_JOB.components?.[0])).toBe(true);
  });

  it("serves a fixed body unchanged whatever the clock says", () => {
    atlas.jobs.add({ ...REF, body: { exportBucketId: "32b6e34b3d91647abb20e7b8", state: "InProgress" } });
    clock.advance(10_000_000);
    expect(atlas.jobs.get(REF)).toEqual({ exportBucketId: "32b6e34b3d91647abb20e7b8", state: "InProgress" });
  });
});
