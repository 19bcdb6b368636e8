import { describe, expect, it } from "vitest";
import type { OperationHandler } from "../src/operation-handler.js";
import { createRouteTable, type RoutableOperation } from "../src/route-table.js";

const op = (method: string, path: string): RoutableOperation => ({
  method,
  path,
  requestMediaType: null,
  responseMediaType: "application/vnd.atlas.2023-01-01+json",
  successStatus: 200,
});
const handler: OperationHandler = () => ({ status: 200 });
const BASE = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports";
const table = createRouteTable(
  {
    listBackupExportJobs: op("GET", BASE),
    createBackupExportJob: op("POST", BASE),
    getBackupExportJob: op("GET", `${BASE}/{exportId}`),
  },
  { listBackupExportJobs: handler, createBackupExportJob: handler, getBackupExportJob: handler },
);
const exports = "/api/atlas/v2/groups/abc/clusters/Cluster0/backup/exports";

describe("createRouteTable", () => {
  it("routes by method and path template to the operationId, with the raw path parameters", () => {
    const match = table.match("GET", `${exports}/6650a1b2c3d4e5f601234567`);
    expect(match).toMatchObject({
      kind: "operation",
      route: { operationId: "getBackupExportJob" },
      rawParams: { groupId: "abc", clusterName: "Cluster0", exportId: "6650a1b2c3d4e5f601234567" },
    });
  });

  it("tells operations on the same path apart by method", () => {
    expect(table.match("POST", exports)).toMatchObject({ route: { operationId: "createBackupExportJob" } });
    expect(table.match("get", exports)).toMatchObject({ route: { operationId: "listBackupExportJobs" } });
  });

  it("reports the methods a known path allows when the method is not one of them", () => {
    expect(table.match("DELETE", exports)).toEqual({ kind: "wrong-method", allow: ["GET", "POST"] });
  });

  it.each([
    ["a longer path", `${exports}/6650a1b2c3d4e5f601234567/extra`],
    ["a different literal segment", "/api/atlas/v2/groups/abc/clusters/Cluster0/backup/snapshotz"],
    ["a parameter value spanning two segments", "/api/atlas/v2/groups/a/b/clusters/Cluster0/backup/exports"],
    ["a trailing slash", `${exports}/`.replace(/\/$/, "//")],
  ])("matches nothing for %s", (_name, path) => {
    expect(table.match("GET", path).kind).not.toBe("operation");
  });

  it("passes percent-encoded segments through undecoded", () => {
    const match = table.match("GET", "/api/atlas/v2/groups/a%2Fb/clusters/C%200/backup/exports");
    expect(match).toMatchObject({ rawParams: { groupId: "a%2Fb", clusterName: "C%200" } });
  });
});
