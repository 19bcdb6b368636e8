import {
  createManualClock,
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  startMockAtlas,
  type MockAtlas,
} from "@atlas-export/mock-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  AtlasApiError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClientOptions,
} from "../src/index.js";

const groupId = "5f1b0c0d0e0f101112131415";
const clusterName = "Cluster0";
const V2023 = "application/vnd.atlas.2023-01-01+json";
const V2024 = "application/vnd.atlas.2024-05-30+json";

let emulators: MockAtlas[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});

/** What a request looked like on its way out: method, path and the versioned media types. */
interface SentRequest {
  method: string;
  path: string;
  accept: string | null;
  contentType: string | null;
}

/** A `fetch` that records every request it sends (digest challenges and token requests too). */
function recordingFetch() {
  const sent: SentRequest[] = [];
  const fetch = (request: Request) => {
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      accept: request.headers.get("Accept"),
      contentType: request.headers.get("Content-Type"),
    });
    return globalThis.fetch(request);
  };
  return { sent, fetch };
}

// Each auth kind with the digest challenges a run of calls meets (one: the nonce is reused after it).
const authKinds: Array<[string, () => NonNullable<AtlasClientOptions["auth"]>, number]> = [
  ["digest (API key)", () => digestAuth(DEMO_API_KEY), 1],
  ["service account", () => serviceAccountAuth(DEMO_SERVICE_ACCOUNT), 0],
];

async function emulator(snapshotAgesHours = [1, 25, 49]) {
  const clock = createManualClock("2026-01-01T00:00:00Z");
  const atlas = await startMockAtlas({
    clock,
    buckets: [],
    jobs: [],
    snapshots: snapshotAgesHours.map((hours, i) => ({
      groupId,
      clusterName,
      id: `6650a1b2c3d4e5f6a7b8c9d${i}`,
      createdAt: clock.now() - hours * 3_600_000,
    })),
    exportJobLifecycle: { totalCollections: 4, queuedMs: 1_000, durationMs: 4_000, outcome: "Successful" },
  });
  emulators.push(atlas);
  return { atlas, clock };
}

describe.each(authKinds)(
  "every operation through the client against the emulator, %s",
  (_name, auth, challenges) => {
    it("runs the export workflow: bucket, latest snapshot, export, wait, list, delete", async () => {
      const { atlas: mock, clock } = await emulator();
      const { sent, fetch } = recordingFetch();
      const atlas = createAtlasClient({
        baseUrl: mock.url,
        auth: auth(),
        fetch,
        projectId: groupId,
        validateResponses: true,
      });

      const bucket = await atlas.createExportBucket(
        {},
        {
          cloudProvider: "AWS",
          bucketName: "nightly-exports",
          iamRoleId: "668c5f0ed436263134491592",
        },
      );
      expect(bucket._id).toMatch(/^[0-9a-f]{24}$/);
      expect(bucket).toMatchObject({ cloudProvider: "AWS", bucketName: "nightly-exports" });
      expect(await atlas.getExportBucket({ exportBucketId: bucket._id! })).toEqual(bucket);
      const buckets = await atlas.listExportBuckets({});
      expect(buckets.results.map((b) => b._id)).toEqual([bucket._id]);
      expect(buckets.totalCount).toBe(1);

      const snapshots = await atlas.listReplicaSetBackups({ clusterName });
      const latest = snapshots.results[0]!;
      expect(latest.id).toBe("6650a1b2c3d4e5f6a7b8c9d0");
      expect(await atlas.getReplicaSetBackup({ clusterName, snapshotId: latest.id! })).toEqual(latest);

      const job = await atlas.createBackupExportJob(
        { clusterName },
        { snapshotId: latest.id!, exportBucketId: bucket._id!, customData: [{ key: "run", value: "42" }] },
      );
      expect(job).toMatchObject({ state: "Queued", snapshotId: latest.id, exportBucketId: bucket._id });
      expect((await atlas.getBackupExportJob({ clusterName, exportId: job.id! })).state).toBe("Queued");

      clock.advance(10_000);
      const done = await atlas.waitForBackupExportJob({ clusterName, exportId: job.id! });
      expect(done.state).toBe("Successful");
      const jobs = [];
      for await (const each of atlas.listBackupExportJobs({ clusterName })) jobs.push(each);
      expect(jobs.map((each) => each.id)).toEqual([job.id]);

      await expect(atlas.deleteExportBucket({ exportBucketId: bucket._id! })).resolves.toBeUndefined();
      const gone = await atlas.getExportBucket({ exportBucketId: bucket._id! }).catch((e: unknown) => e);
      expect(gone).toBeInstanceOf(AtlasApiError);
      expect((gone as AtlasApiError).status).toBe(404);

      // Digest: the first call meets the one challenge; every later one, POST and DELETE included, is signed
      // with the nonce it gave (method and URI in HA2) and accepted at once.
      expect(mock.stats.challenges).toBe(challenges);
      expect(mock.stats.byOperation).toEqual({
        createExportBucket: 1 + mock.stats.challenges,
        getExportBucket: 2,
        listExportBuckets: 1,
        listReplicaSetBackups: 1,
        getReplicaSetBackup: 1,
        createBackupExportJob: 1,
        getBackupExportJob: 2,
        listBackupExportJobs: 1,
        deleteExportBucket: 1,
      });
      expect(mock.stats.authFailures).toBe(0);
      // Every operation sent its own versioned media type, from the generated operation table.
      const api = sent.filter((request) => request.path.startsWith("/api/atlas/"));
      const mediaTypes = new Set(
        api.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{24}/g, "{id}")} ${r.accept} ${r.contentType}`),
      );
      expect([...mediaTypes].sort()).toEqual(
        [
          `POST /api/atlas/v2/groups/{id}/backup/exportBuckets ${V2024} ${V2024}`,
          `GET /api/atlas/v2/groups/{id}/backup/exportBuckets/{id} ${V2024} null`,
          `GET /api/atlas/v2/groups/{id}/backup/exportBuckets ${V2024} null`,
          `GET /api/atlas/v2/groups/{id}/clusters/Cluster0/backup/snapshots ${V2023} null`,
          `GET /api/atlas/v2/groups/{id}/clusters/Cluster0/backup/snapshots/{id} ${V2023} null`,
          `POST /api/atlas/v2/groups/{id}/clusters/Cluster0/backup/exports ${V2023} ${V2023}`,
          `GET /api/atlas/v2/groups/{id}/clusters/Cluster0/backup/exports/{id} ${V2023} null`,
          `GET /api/atlas/v2/groups/{id}/clusters/Cluster0/backup/exports ${V2023} null`,
          // Upstream has deleteExportBucket only at 2023-01-01.
          `DELETE /api/atlas/v2/groups/{id}/backup/exportBuckets/{id} ${V2023} null`,
        ].sort(),
      );
    });

    it("turns a second export of a running snapshot into a 409 AtlasApiError that says so", async () => {
      const { atlas: mock } = await emulator();
      const atlas = createAtlasClient({ baseUrl: mock.url, auth: auth() });
      const bucket = await atlas.createExportBucket(
        { groupId },
        { cloudProvider: "GCP", bucketName: "exports", roleId: "668c5f0ed436263134491592" },
      );
      const body = { snapshotId: "6650a1b2c3d4e5f6a7b8c9d0", exportBucketId: bucket._id! };
      await atlas.createBackupExportJob({ groupId, clusterName }, body);
      const error = await atlas
        .createBackupExportJob({ groupId, clusterName }, body)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasApiError);
      expect(error).toMatchObject({ status: 409, errorCode: "EXPORT_ALREADY_IN_PROGRESS" });
      expect((error as Error).message).toBe(
        `409 EXPORT_ALREADY_IN_PROGRESS: an export of snapshot "6650a1b2c3d4e5f6a7b8c9d0" to bucket "${bucket._id}" is already running; wait for that job (listBackupExportJobs, waitForBackupExportJob) instead of starting another`,
      );
      expect(mock.stats.byOperation.createBackupExportJob).toBe(2);
    });

    it("creates Azure buckets and reports a bucket in use as Atlas's 400", async () => {
      const { atlas: mock } = await emulator();
      const atlas = createAtlasClient({ baseUrl: mock.url, auth: auth(), projectId: groupId });
      const bucket = await atlas.createExportBucket(
        {},
        {
          cloudProvider: "AZURE",
          roleId: "668c5f0ed436263134491592",
          serviceUrl: "https://examplestorage.blob.core.windows.net/exports",
        },
      );
      expect(bucket).toMatchObject({ cloudProvider: "AZURE" });
      await atlas.createBackupExportJob(
        { clusterName },
        { snapshotId: "6650a1b2c3d4e5f6a7b8c9d1", exportBucketId: bucket._id! },
      );
      await expect(atlas.deleteExportBucket({ exportBucketId: bucket._id! })).rejects.toMatchObject({
        status: 400,
        errorCode: "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE",
      });
    });

    it("unwraps envelope=true answers, a delete's { status: 204 } included", async () => {
      const { atlas: mock } = await emulator();
      const atlas = createAtlasClient({ baseUrl: mock.url, auth: auth(), projectId: groupId });
      const bucket = await atlas.createExportBucket(
        {},
        { cloudProvider: "GCP", bucketName: "exports", roleId: "668c5f0ed436263134491592" },
        { envelope: true },
      );
      expect(bucket.cloudProvider).toBe("GCP");
      const page = await atlas.listExportBuckets({}, { envelope: true });
      expect(page.results).toHaveLength(1);
      await expect(
        atlas.deleteExportBucket({ exportBucketId: bucket._id! }, { envelope: true }),
      ).resolves.toBeUndefined();
      expect(mock.buckets.list(groupId)).toEqual([]);
    });
  },
);
