import { operationTable, type OperationId } from "@atlas-export/types";
import { validateResponse, type OperationWithResult } from "@atlas-export/types/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  createManualClock,
  startMockAtlas,
  type ManualClock,
  type MockAtlas,
} from "../src/index.js";
import { mintToken } from "./helpers.js";

const GROUP = "5f1b0c0d0e0f101112131415";
const ROLE = "668c5f0ed436263134491592";
const SNAPSHOT = "6650a1b2c3d4e5f600000001";
const group = `/api/atlas/v2/groups/${GROUP}`;

let atlas: MockAtlas;
let clock: ManualClock;
let token: string;
const seen = new Set<OperationId>();

beforeAll(async () => {
  clock = createManualClock("2026-01-01T12:00:00Z");
  atlas = await startMockAtlas({
    clock,
    snapshots: [
      { groupId: GROUP, clusterName: "Cluster0", id: SNAPSHOT },
      {
        groupId: GROUP,
        clusterName: "Cluster0",
        snapshotType: "onDemand",
        createdAt: "2026-01-01T06:00:00Z",
      },
    ],
  });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
});
afterAll(() => atlas.close());

/** Sends one operation as the spec describes it (its method and media types) and checks the 2xx answer against it. */
async function send(operationId: OperationId, path: string, body?: unknown): Promise<unknown> {
  const operation = operationTable[operationId];
  const response = await fetch(atlas.url + path, {
    method: operation.method,
    headers: {
      accept: operation.responseMediaType,
      authorization: `Bearer ${token}`,
      ...(operation.requestMediaType === null ? {} : { "content-type": operation.requestMediaType }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${operationId}: ${await response.clone().text()}`).toBe(operation.successStatus);
  seen.add(operationId);
  if (operation.successStatus === 204) {
    expect(await response.text()).toBe("");
    return undefined;
  }
  expect(response.headers.get("content-type")).toBe(operation.responseMediaType);
  const json: unknown = await response.json();
  expect(validateResponse(operationId as OperationWithResult, json)).toEqual([]);
  return json;
}

describe("every operation's 2xx answer is the spec's: status, media type and schema (generated validators)", () => {
  it("for buckets of every cloud provider, snapshots and export jobs in every state", async () => {
    const buckets: string[] = [];
    for (const body of [
      { cloudProvider: "AWS", bucketName: "aws-exports", iamRoleId: ROLE, requirePrivateNetworking: true },
      { cloudProvider: "AZURE", roleId: ROLE, serviceUrl: "https://acct.blob.core.windows.net/exports" },
      { cloudProvider: "GCP", bucketName: "gcp-exports", roleId: ROLE },
    ]) {
      const bucket = (await send("createExportBucket", `${group}/backup/exportBuckets`, body)) as {
        _id: string;
      };
      buckets.push(bucket._id);
      await send("getExportBucket", `${group}/backup/exportBuckets/${bucket._id}`);
    }
    await send("listExportBuckets", `${group}/backup/exportBuckets?itemsPerPage=2`);
    await send(
      "listExportBuckets",
      `${group}/backup/exportBuckets?itemsPerPage=2&pageNum=2&includeCount=false`,
    );

    await send("listReplicaSetBackups", `${group}/clusters/Cluster0/backup/snapshots`);
    await send("getReplicaSetBackup", `${group}/clusters/Cluster0/backup/snapshots/${SNAPSHOT}`);

    const exports = `${group}/clusters/Cluster0/backup/exports`;
    const job = (await send("createBackupExportJob", exports, {
      snapshotId: SNAPSHOT,
      exportBucketId: buckets[0],
      customData: [{ key: "k", value: "v" }],
    })) as { id: string };
    for (const step of [0, 6_000, 4_000]) {
      clock.advance(step); // Queued, InProgress, Successful
      await send("getBackupExportJob", `${exports}/${job.id}`);
      await send("listBackupExportJobs", exports);
    }
    await send("deleteExportBucket", `${group}/backup/exportBuckets/${buckets[0]}`);

    expect([...seen].sort()).toEqual(Object.keys(operationTable).sort());
  });
});
