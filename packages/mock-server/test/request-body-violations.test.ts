import { operationTable, type OperationId } from "@atlas-export/types";
import { describe, expect, it } from "vitest";
import { requestBodyViolations } from "../src/request-body-violations.js";

const withBody = (Object.keys(operationTable) as OperationId[]).filter(
  (operationId) => operationTable[operationId].requestMediaType !== null,
);

describe("requestBodyViolations", () => {
  it.each(withBody)("checks %s's body against the spec (an empty object is refused)", (operationId) => {
    expect(requestBodyViolations(operationId, {}).length).toBeGreaterThan(0);
  });

  it.each<[string, unknown, string]>([
    ["GCP without bucketName", { cloudProvider: "GCP", roleId: "668c5f0ed436263134491592" }, "bucketName"],
    ["AWS without iamRoleId", { cloudProvider: "AWS", bucketName: "abc" }, "iamRoleId"],
  ])("checks a bucket body against the variant its cloudProvider names only: %s", (_name, body, missing) => {
    expect(requestBodyViolations("createExportBucket", body)).toEqual([
      expect.objectContaining({ keyword: "required", params: { missingProperty: missing } }),
    ]);
  });

  it.each([
    ["no cloudProvider", { bucketName: "abc" }, "required"],
    ["an unknown cloudProvider", { cloudProvider: "IBM" }, "enum"],
  ])("reports one violation for a bucket body with %s", (_name, body, keyword) => {
    expect(requestBodyViolations("createExportBucket", body)).toEqual([expect.objectContaining({ keyword })]);
  });
});
