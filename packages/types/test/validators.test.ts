import { describe, expect, it } from "vitest";
import {
  validateBackupExportJob,
  validatePathParameter,
  validateRequestBody,
  validateResponse,
} from "../src/validators.js";

const job = {
  exportBucketId: "32b6e34b3d91647abb20e7b8",
  id: "32b6e34b3d91647abb20e7b8",
  state: "InProgress",
  createdAt: "2025-05-04T09:42:00Z",
  exportStatus: { exportedCollections: 1, totalCollections: 3 },
  prefix: "/exported_snapshots/org/project/cluster/2025-05-04T0942/1746351720",
};

describe("validateBackupExportJob", () => {
  it("accepts a job shaped like the documented example", () => {
    expect(validateBackupExportJob(job)).toEqual([]);
  });

  it.each([
    ["a state outside the enum", { ...job, state: "Done" }, "/state", "enum"],
    [
      "a count that is not an integer",
      { ...job, exportStatus: { totalCollections: "3" } },
      "/exportStatus/totalCollections",
      "type",
    ],
    ["a missing exportBucketId", { id: job.id }, "", "required"],
    ["an id that is not 24 hex digits", { ...job, id: "xyz" }, "/id", "minLength"],
    [
      "a count beyond int32",
      { ...job, exportStatus: { totalCollections: 2 ** 31 } },
      "/exportStatus/totalCollections",
      "maximum",
    ],
    ["a date-time in month 13", { ...job, createdAt: "2025-13-04T09:42:00Z" }, "/createdAt", "format"],
    ["a date-time at hour 24", { ...job, finishedAt: "2025-05-04T24:00:00Z" }, "/finishedAt", "format"],
  ])("names the JSON pointer and keyword for %s", (_name, value, pointer, keyword) => {
    expect(validateBackupExportJob(value)[0]).toMatchObject({ pointer, keyword });
  });

  it.each([
    ["the largest int32 count", { ...job, exportStatus: { totalCollections: 2 ** 31 - 1 } }],
    [
      "a date-time with fractional seconds and an offset",
      { ...job, createdAt: "2025-05-04T09:42:00.123+05:30" },
    ],
    ["a leap second", { ...job, createdAt: "2016-12-31T23:59:60Z" }],
  ])("accepts %s", (_name, value) => {
    expect(validateBackupExportJob(value)).toEqual([]);
  });
});

describe("validatePathParameter", () => {
  it.each([
    ["groupId", "32b6e34b3d91647abb20e7b8", []],
    ["clusterName", "Cluster0-prod", []],
    ["exportId", "32b6e34b3d91647abb20e7b8", []],
  ] as const)("accepts a valid %s", (name, value, want) => {
    expect(validatePathParameter(name, value)).toEqual(want);
  });

  it.each([
    ["groupId", "../32b6e34b3d91647abb20e", "pattern"],
    ["clusterName", "a/b", "pattern"],
    ["clusterName", "x".repeat(65), "maxLength"],
    ["exportId", "%2e%2e", "pattern"],
  ] as const)("rejects %s %j with %s", (name, value, keyword) => {
    expect(validatePathParameter(name, value)[0]?.keyword).toBe(keyword);
  });
});

describe("validateResponse", () => {
  it("checks getBackupExportJob's 200 body against the job schema", () => {
    expect(validateResponse("getBackupExportJob", job)).toEqual([]);
    expect(validateResponse("getBackupExportJob", { ...job, state: "Done" })[0]).toMatchObject({
      pointer: "/state",
      keyword: "enum",
    });
  });

  it("refuses an operationId that answers with no body, naming it", () => {
    expect(() => validateResponse("noSuchOperation" as "getBackupExportJob", job)).toThrow(
      "@atlas-export/types: no operation noSuchOperation answers with a body",
    );
  });
});

describe("validatePathParameter with and without an operationId", () => {
  it("checks getBackupExportJob's clusterName against its own schema (the documented 1-64 length)", () => {
    expect(validatePathParameter("clusterName", "x".repeat(65), "getBackupExportJob")[0]?.keyword).toBe(
      "maxLength",
    );
    expect(validatePathParameter("clusterName", "Cluster0", "getBackupExportJob")).toEqual([]);
  });

  it("refuses a parameter the operation does not have, naming both", () => {
    expect(() =>
      validatePathParameter("exportId", "x", "getBackupExportJobNot" as "getBackupExportJob"),
    ).toThrow("@atlas-export/types: operation getBackupExportJobNot has no path parameter exportId");
  });

  it("refuses a name no operation has", () => {
    expect(() => validatePathParameter("nope" as "groupId", "x")).toThrow(
      "@atlas-export/types: no operation has a path parameter nope",
    );
  });
});

describe("validateRequestBody", () => {
  it("checks createBackupExportJob's body: snapshotId and exportBucketId required", () => {
    const body = { snapshotId: "32b6e34b3d91647abb20e7b8", exportBucketId: "32b6e34b3d91647abb20e7b8" };
    expect(validateRequestBody("createBackupExportJob", body)).toEqual([]);
    expect(validateRequestBody("createBackupExportJob", { snapshotId: body.snapshotId })[0]).toMatchObject({
      keyword: "required",
      params: { missingProperty: "exportBucketId" },
    });
  });

  it("checks a bucket body against the variant its cloudProvider names", () => {
    const gcp = { cloudProvider: "GCP", bucketName: "export-bucket", roleId: "668c5f0ed436263134491592" };
    expect(validateRequestBody("createExportBucket", gcp)).toEqual([]);
    expect(validateRequestBody("createExportBucket", { ...gcp, cloudProvider: "AWS" })).not.toEqual([]);
  });

  it("refuses an operationId that takes no body, naming it", () => {
    expect(() => validateRequestBody("getBackupExportJob" as "createExportBucket", {})).toThrow(
      "@atlas-export/types: no operation getBackupExportJob takes a request body",
    );
  });
});

describe("formats the precompiled validators check", () => {
  const azure = {
    _id: "32b6e34b3d91647abb20e7b8",
    bucketName: "examplecontainer",
    cloudProvider: "AZURE",
    roleId: "668c5f0ed436263134491592",
    serviceUrl: "https://examplestorageaccount.blob.core.windows.net/examplecontainer",
    tenantId: "4297fc77-1592-4de8-a6d5-a8c32401df87",
  };

  it("accepts an Azure bucket whose tenantId is a uuid", () => {
    expect(validateResponse("getExportBucket", azure)).toEqual([]);
  });

  it("refuses a tenantId that is not a uuid", () => {
    expect(validateResponse("getExportBucket", { ...azure, tenantId: "not-a-uuid" })).not.toEqual([]);
  });
});
