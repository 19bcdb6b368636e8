import { describe, expect, it } from "vitest";
import { AtlasValidationError, createAtlasClient } from "../src/index.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

const groupId = "32b6e34b3d91647abb20e7b8";
const clusterName = "Cluster0";

describe("path parameters of every operation", () => {
  it.each([
    [
      "getExportBucket",
      "exportBucketId",
      (atlas: ReturnType<typeof createAtlasClient>) =>
        atlas.getExportBucket({ groupId, exportBucketId: "bucket-1" }),
    ],
    [
      "deleteExportBucket",
      "exportBucketId",
      (atlas: ReturnType<typeof createAtlasClient>) =>
        atlas.deleteExportBucket({ groupId, exportBucketId: "32B6E34B3D91647ABB20E7B8" }),
    ],
    [
      "getReplicaSetBackup",
      "snapshotId",
      (atlas: ReturnType<typeof createAtlasClient>) =>
        atlas.getReplicaSetBackup({ groupId, clusterName, snapshotId: "latest" }),
    ],
    [
      "listBackupExportJobs",
      "clusterName",
      (atlas: ReturnType<typeof createAtlasClient>) =>
        atlas.listBackupExportJobs({ groupId, clusterName: "my cluster" }),
    ],
  ])("%s refuses a bad %s before any request", async (_method, parameter, call) => {
    const { fetch, requests } = scriptedFetch([]);
    const error = await Promise.resolve(call(createAtlasClient({ fetch }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as AtlasValidationError).parameter).toBe(parameter);
    expect((error as Error).message).toMatch(new RegExp(`^${parameter} must match pattern`));
    expect(requests).toHaveLength(0);
  });
});
