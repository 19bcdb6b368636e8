import { DEMO_SERVICE_ACCOUNT, startMockAtlas, type Fault, type MockAtlas } from "@atlas-export/mock-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  AtlasApiError,
  AtlasTimeoutError,
  createAtlasClient,
  serviceAccountAuth,
  type AtlasClient,
  type GroupIdOptional,
} from "../src/index.js";

const groupId = "5f1b0c0d0e0f101112131415";
const clusterName = "Cluster0";
const snapshotId = "6650a1b2c3d4e5f6a7b8c9d0";
const exportBucketId = "6650a1b2c3d4e5f6a7b8c9e0";

let emulators: MockAtlas[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});

// The two writes of the workflow, each as one call of the client's named method.
const writes: Array<[string, (atlas: AtlasClient<GroupIdOptional>) => Promise<unknown>]> = [
  [
    "createExportBucket",
    (atlas) =>
      atlas.createExportBucket(
        {},
        { cloudProvider: "AWS", bucketName: "exports", iamRoleId: "668c5f0ed436263134491592" },
      ),
  ],
  [
    "createBackupExportJob",
    (atlas) => atlas.createBackupExportJob({ clusterName }, { snapshotId, exportBucketId }),
  ],
];

/**
 * An emulator whose first answer to `operationId` is `fault`; it counts every request per operation. Bearer
 * auth, so each count is the client's attempts (digest would add a challenge).
 */
async function faultyEmulator(operationId: string, fault: Fault) {
  const mock = await startMockAtlas({
    jobs: [],
    buckets: [
      {
        groupId,
        _id: exportBucketId,
        cloudProvider: "GCP",
        bucketName: "exports",
        roleId: "668c5f0ed436263134491592",
      },
    ],
    snapshots: [{ groupId, clusterName, id: snapshotId }],
    faults: [{ match: { operationId }, times: 1, fault }],
  });
  emulators.push(mock);
  const atlas = createAtlasClient({
    baseUrl: mock.url,
    auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
    projectId: groupId,
    timeoutMs: 300,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 },
  });
  return { mock, atlas };
}

describe.each(writes)("%s follows the write retry rule", (operationId, write) => {
  it.each([
    ["500", { type: "status", status: 500 }, 500],
    ["502 HTML from a load balancer", { type: "html502" }, 502],
    ["503 without Retry-After", { type: "status", status: 503 }, 503],
  ] satisfies Array<[string, Fault, number]>)("does not re-send after a %s", async (_name, fault, status) => {
    const { mock, atlas } = await faultyEmulator(operationId, fault);
    const error = await write(atlas).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect((error as AtlasApiError).status).toBe(status);
    expect(mock.stats.byOperation[operationId]).toBe(1);
  });

  it("does not re-send after a timeout (the write may have been done)", async () => {
    const { mock, atlas } = await faultyEmulator(operationId, { type: "delay", ms: 1_500 });
    await expect(write(atlas)).rejects.toBeInstanceOf(AtlasTimeoutError);
    expect(mock.stats.byOperation[operationId]).toBe(1);
  });

  it("does not re-send after the connection was reset mid-request", async () => {
    const { mock, atlas } = await faultyEmulator(operationId, { type: "reset" });
    await expect(write(atlas)).rejects.toThrow();
    expect(mock.stats.byOperation[operationId]).toBe(1);
  });

  it.each([
    ["429", { type: "status", status: 429, errorCode: "RATE_LIMITED" }],
    ["429 with Retry-After", { type: "status", status: 429, retryAfter: 0, errorCode: "RATE_LIMITED" }],
    ["503 with Retry-After", { type: "status", status: 503, retryAfter: 0 }],
  ] satisfies Array<[string, Fault]>)(
    "re-sends after a %s, which proves nothing was done",
    async (_name, fault) => {
      const { mock, atlas } = await faultyEmulator(operationId, fault);
      await expect(write(atlas)).resolves.toMatchObject({});
      expect(mock.stats.byOperation[operationId]).toBe(2);
    },
  );
});
