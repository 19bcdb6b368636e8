import { describe, expect, it } from "vitest";
import { validateBackupExportJob, validatePathParameter } from "../src/validators.js";

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
  ])("names the JSON pointer and keyword for %s", (_name, value, pointer, keyword) => {
    expect(validateBackupExportJob(value)[0]).toMatchObject({ pointer, keyword });
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
