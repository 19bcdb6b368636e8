import { describe, expect, expectTypeOf, it } from "vitest";
import { operationTable, type OperationDescriptor, type OperationId } from "../src/index.js";

const entries = Object.entries(operationTable) as [OperationId, OperationDescriptor][];

describe("operationTable", () => {
  it("describes getBackupExportJob as the documentation page does", () => {
    expect(operationTable.getBackupExportJob).toEqual({
      method: "GET",
      path: "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
      pathParameters: ["groupId", "clusterName", "exportId"],
      queryParameters: ["envelope", "pretty"],
      requestMediaType: null,
      responseMediaType: "application/vnd.atlas.2023-01-01+json",
      successStatus: 200,
      paginated: false,
    });
  });

  it.each(entries)("%s names every parameter of its path template, in order", (_id, operation) => {
    const inTemplate = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    expect(operation.pathParameters).toEqual(inTemplate);
  });

  it.each(entries)("%s sends a body exactly when it is not a GET or DELETE", (_id, operation) => {
    expect(operation.requestMediaType === null).toBe(["GET", "DELETE"].includes(operation.method));
  });

  it.each(entries)("%s is paginated exactly when it takes pageNum and itemsPerPage", (_id, operation) => {
    const pages =
      operation.queryParameters.includes("pageNum") && operation.queryParameters.includes("itemsPerPage");
    expect(operation.paginated).toBe(pages);
  });

  it("keeps literal types, so code keyed by operationId knows each path and method", () => {
    expectTypeOf(operationTable.getBackupExportJob.method).toEqualTypeOf<"GET">();
    expectTypeOf(operationTable.getBackupExportJob.pathParameters).toEqualTypeOf<
      readonly ["groupId", "clusterName", "exportId"]
    >();
  });
});
