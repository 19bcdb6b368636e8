import { createManualClock, startMockAtlas, type MockAtlas } from "@atlas-export/mock-server";
import { afterEach, describe, expect, it } from "vitest";
import { AtlasValidationError, createAtlasClient, serviceAccountAuth } from "../src/index.js";
import { DEMO_SERVICE_ACCOUNT } from "@atlas-export/mock-server";

const groupId = "5f1b0c0d0e0f101112131415";
const clusterName = "Cluster0";
const hex = (n: number) => n.toString(16).padStart(24, "0");

let emulators: MockAtlas[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});

/** An emulator holding `count` export jobs, snapshots and buckets of one cluster (which exists even with none). */
async function emulatorWith(count: { jobs?: number; snapshots?: number; buckets?: number }) {
  const clock = createManualClock("2026-01-01T00:00:00Z");
  const atlas = await startMockAtlas({
    clock,
    clusters: [{ groupId, clusterName }],
    jobs: Array.from({ length: count.jobs ?? 0 }, (_, i) => ({ groupId, clusterName, exportId: hex(i + 1) })),
    snapshots: Array.from({ length: count.snapshots ?? 0 }, (_, i) => ({
      groupId,
      clusterName,
      id: hex(i + 1),
      createdAt: clock.now() - i * 60_000,
    })),
    buckets: Array.from({ length: count.buckets ?? 0 }, (_, i) => ({
      groupId,
      _id: hex(i + 1),
      cloudProvider: "GCP" as const,
      bucketName: `bucket-${i}`,
      roleId: "668c5f0ed436263134491592",
    })),
  });
  emulators.push(atlas);
  return createAtlasClientFor(atlas);
}

// A bearer token, so the emulator's count per operation is the list's requests (digest adds a challenge).
function createAtlasClientFor(mock: MockAtlas) {
  return {
    mock,
    atlas: createAtlasClient({
      baseUrl: mock.url,
      auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
      projectId: groupId,
    }),
  };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("list methods against the emulator", () => {
  it.each([
    [0, 1],
    [500, 1],
    [501, 2],
    [1201, 3],
  ])("walks %i export jobs in %i requests of 500", async (total, requests) => {
    const { mock, atlas } = await emulatorWith({ jobs: total });
    const jobs = await collect(atlas.listBackupExportJobs({ clusterName }));
    expect(jobs.map((job) => job.id)).toEqual(Array.from({ length: total }, (_, i) => hex(i + 1)));
    expect(mock.stats.byOperation.listBackupExportJobs).toBe(requests);
  });

  it("walks 1000 snapshots newest first in 2 requests", async () => {
    const { mock, atlas } = await emulatorWith({ snapshots: 1000 });
    const snapshots = await collect(atlas.listReplicaSetBackups({ clusterName }));
    expect(snapshots).toHaveLength(1000);
    expect(snapshots[0]!.id).toBe(hex(1));
    expect(new Set(snapshots.map((s) => s.id)).size).toBe(1000);
    expect(mock.stats.byOperation.listReplicaSetBackups).toBe(2);
  });

  it("walks 501 export buckets in 2 requests", async () => {
    const { mock, atlas } = await emulatorWith({ buckets: 501 });
    const buckets = await collect(atlas.listExportBuckets({}));
    expect(buckets.map((b) => b._id)).toEqual(Array.from({ length: 501 }, (_, i) => hex(i + 1)));
    expect(mock.stats.byOperation.listExportBuckets).toBe(2);
  });

  it("gives one page when awaited, and the next one on request", async () => {
    const { mock, atlas } = await emulatorWith({ jobs: 7 });
    const first = await atlas.listBackupExportJobs({ clusterName }, { itemsPerPage: 5 });
    expect(first.results).toHaveLength(5);
    expect(first.totalCount).toBe(7);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.results.map((job) => job.id)).toEqual([hex(6), hex(7)]);
    expect(second.hasNextPage()).toBe(false);
    expect(mock.stats.byOperation.listBackupExportJobs).toBe(2);
  });

  it("walks by links when asked not to count", async () => {
    const { mock, atlas } = await emulatorWith({ jobs: 7 });
    const pages = atlas.listBackupExportJobs({ clusterName }, { itemsPerPage: 3, includeCount: false });
    expect((await pages).totalCount).toBeUndefined();
    expect(await collect(pages)).toHaveLength(7);
    expect(mock.stats.byOperation.listBackupExportJobs).toBe(3);
  });

  it("rejects a bad itemsPerPage before any request", async () => {
    const { mock, atlas } = await emulatorWith({ jobs: 1 });
    await expect(atlas.listBackupExportJobs({ clusterName }, { itemsPerPage: 1000 })).rejects.toBeInstanceOf(
      AtlasValidationError,
    );
    expect(mock.stats.requests).toBe(0);
  });
});
