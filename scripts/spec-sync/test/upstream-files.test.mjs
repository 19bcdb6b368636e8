// Against the real upstream files in <repo>/../shared/upstream (present in CI); skipped, saying so,
// when that folder is absent. The known differences are the ones ../shared/upstream/README.md lists.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { extractOperations } from "../extract-operations.mjs";
import { openSpecFile } from "../load-spec.mjs";
import { syncSpec } from "../sync.mjs";
import { hasUpstream, tempRepo, upstreamDir, upstreamFile } from "./support/temp-repo.mjs";

if (!hasUpstream)
  console.warn(`spec-sync tests: SKIPPING the real upstream files: ${upstreamDir} is absent.`);

const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
const getBackupExportJob = { operationId: "getBackupExportJob", method: "get", path };
const extractJob = async (date) =>
  extractOperations(await openSpecFile(upstreamFile(date)), [getBackupExportJob]);
// The changes that reach getBackupExportJob (its own nodes and the components it uses).
const changesOf = (result) =>
  Object.fromEntries(
    result.summary.changes
      .filter((change) => change.operations.includes("getBackupExportJob"))
      .map((change) => [change.location, change.classification]),
  );
const deliberateOf = (result) => result.summary.deliberate.map((entry) => entry.location);
const staleOf = (result) => result.summary.stale.map((deviation) => deviation.location);

describe.skipIf(!hasUpstream)("the real upstream specs", () => {
  describe("2024-08-27 (when the documentation page was written)", () => {
    it("has DigestAuth only and deliveryUrl in the extracted operation", async () => {
      const extracted = await extractJob("2024-08-27");
      expect(extracted.operations[0].security).toEqual([{ DigestAuth: [] }]);
      expect(Object.keys(extracted.components.securitySchemes)).toEqual(["DigestAuth"]);
      expect(extracted.components.schemas.DiskBackupExportJob.properties.deliveryUrl).toBeDefined();
      expect(Object.keys(extracted.operations[0].operation.responses)).toEqual(["200", "404", "500"]);
    });

    it("reports what the fragment added since, as the README lists it", async () => {
      const result = await syncSpec({ from: upstreamFile("2024-08-27") });
      expect(result.exitCode).toBe(1);
      expect(changesOf(result)).toMatchObject({
        "operations.getBackupExportJob.security.ServiceAccounts": "breaking",
        "schemas.DiskBackupExportJob.properties.stateReason": "breaking",
        "schemas.ApiError.properties.badRequestDetail": "breaking",
        "schemas.ApiError.required.error": "breaking",
        "operations.getBackupExportJob.responses.401": "non-breaking",
        "operations.getBackupExportJob.responses.403": "non-breaking",
        "operations.getBackupExportJob.responses.429": "non-breaking",
        "operations.getBackupExportJob.parameters.path.exportId.schema.pattern": "non-breaking",
      });
      expect(result.summary.bump).toBe("major");
    });

    it("agrees with the page where the fragment follows the page: operationId and clusterName 1-64 differ no more", async () => {
      const result = await syncSpec({ from: upstreamFile("2024-08-27") });
      expect(staleOf(result)).toEqual(
        expect.arrayContaining([
          "operations.getBackupExportJob.parameters.path.clusterName.schema.minLength",
          "operations.getBackupExportJob.parameters.path.clusterName.schema.maxLength",
          "operations.getBackupExportJob.operationId",
          "parameters.groupId.schema.minLength",
          "parameters.groupId.schema.maxLength",
        ]),
      );
    });

    it("has deliveryUrl like the fragment, which only adds its deprecation", async () => {
      const result = await syncSpec({ from: upstreamFile("2024-08-27") });
      const underDeliveryUrl = result.summary.deliberate.filter((entry) =>
        entry.location.includes(".deliveryUrl"),
      );
      expect(underDeliveryUrl.map((entry) => [entry.location, entry.classification])).toEqual([
        ["schemas.DiskBackupExportJob.properties.deliveryUrl.deprecated", "docs-only"],
        ["schemas.DiskBackupExportJob.properties.deliveryUrl.description", "docs-only"],
        ["schemas.DiskBackupExportJob.properties.deliveryUrl.items.description", "docs-only"],
      ]);
    });
  });

  describe("2025-06-30", () => {
    it("reports the 429 response, the rate-limit headers and the nullable error fields added since", async () => {
      const result = await syncSpec({ from: upstreamFile("2025-06-30") });
      expect(result.exitCode).toBe(1);
      expect(changesOf(result)).toEqual({
        "operations.getBackupExportJob.responses.200.headers.RateLimit-Limit": "breaking",
        "operations.getBackupExportJob.responses.200.headers.RateLimit-Remaining": "breaking",
        "operations.getBackupExportJob.responses.429": "non-breaking",
        "schemas.ApiError.properties.detail.nullable": "non-breaking",
        "schemas.ApiError.properties.reason.nullable": "non-breaking",
        "schemas.ApiError.properties.parameters.items.readOnly": "non-breaking",
        "schemas.BadRequestDetail.nullable": "non-breaking",
      });
    });

    it("still has the old operationId and both security schemes", async () => {
      const extracted = await extractJob("2025-06-30");
      expect(extracted.operations[0].operation.operationId).toBe("getBackupExportJob");
      expect(extracted.operations[0].security).toEqual([{ ServiceAccounts: [] }, { DigestAuth: [] }]);
    });
  });

  describe("2026-08-21 (the newest)", () => {
    it("has nothing to do: every difference is a recorded deviation", async () => {
      const result = await syncSpec({ from: upstreamFile("2026-08-21") });
      expect(result.report).toContain("Nothing to do");
      expect(result.exitCode).toBe(0);
    });

    it("shows the renamed operationId, deliveryUrl and the prefix template apart as deliberate", async () => {
      const result = await syncSpec({ from: upstreamFile("2026-08-21") });
      expect(deliberateOf(result)).toEqual(
        expect.arrayContaining([
          "operations.getBackupExportJob.operationId",
          "schemas.DiskBackupExportJob.properties.deliveryUrl",
          "schemas.DiskBackupExportJob.properties.prefix.pattern",
          "operations.getBackupExportJob.parameters.query.pretty",
        ]),
      );
      expect(result.report).toContain(
        "getBackupExportJob: GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" +
          " (upstream operationId: getGroupClusterBackupExport) — in step",
      );
    });

    it("extracts the operation with exactly the components it references", async () => {
      const extracted = await extractJob("2026-08-21");
      const names = Object.fromEntries(
        Object.entries(extracted.components).map(([type, byName]) => [type, Object.keys(byName).sort()]),
      );
      expect(names).toEqual({
        headers: ["HeaderRateLimitLimit", "HeaderRateLimitRemaining", "HeaderRetryAfter"],
        parameters: ["envelope", "groupId"],
        responses: ["forbidden", "internalServerError", "notFound", "tooManyRequests", "unauthorized"],
        schemas: [
          "ApiError",
          "BackupLabel",
          "BadRequestDetail",
          "DiskBackupExportJob",
          "DiskBackupExportMember",
          "ExportStatus",
          "FieldViolation",
          "Link",
          "StateReason",
        ],
        securitySchemes: ["DigestAuth", "ServiceAccounts"],
      });
      expect(extracted.components.securitySchemes.ServiceAccounts.flows.clientCredentials.tokenUrl).toBe(
        "https://cloud.mongodb.com/api/oauth/token",
      );
      expect(Object.keys(extracted.components.responses.tooManyRequests.headers)).toEqual([
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "Retry-After",
      ]);
    });

    it("takes the 2024 file's state with --write into a copy of spec/ and can sync back to a fragment in step", async () => {
      const root = await tempRepo();
      await syncSpec({ from: upstreamFile("2024-08-27"), root, write: true, generate: () => {} });
      const old = parse(await readFile(join(root, "spec", "openapi.yaml"), "utf8"));
      expect(old.security).toEqual([{ DigestAuth: [] }]);
      expect(old["x-atlas-export-upstream"].date).toBe("2024-08-27");
      expect(
        old.paths[path].get.responses["200"].content["application/vnd.atlas.2023-01-01+json"].examples
          .documented,
      ).toBeDefined();
      await syncSpec({ from: upstreamFile("2026-08-21"), root, write: true, generate: () => {} });
      const back = await syncSpec({ from: upstreamFile("2026-08-21"), root });
      expect(back.exitCode).toBe(0);
    }, 60_000); // two writes of about a hundred edits each on a loaded machine
  });

  it("edits only the nodes that change: comments and hand-folded text elsewhere stay byte for byte", async () => {
    const root = await tempRepo();
    const before = await readFile(join(root, "spec", "openapi.yaml"), "utf8");
    await syncSpec({ from: upstreamFile("2025-06-30"), root, write: true, generate: () => {} });
    const after = await readFile(join(root, "spec", "openapi.yaml"), "utf8");
    const deviationBlock = before.slice(
      before.indexOf("# Each entry is one deliberate"),
      before.indexOf("\nservers:"),
    );
    expect(after).toContain(deviationBlock);
    expect(after).toContain(
      '# Atlas sends plain values here (e.g. ["AWS"]), not objects; see x-atlas-export-deviations.',
    );
    const jobSchema = before.slice(
      before.indexOf("    DiskBackupExportJob:"),
      before.indexOf("    DiskBackupExportMember:"),
    );
    expect(after).toContain(jobSchema);
  });
});

// The export workflow's nine operations, as x-atlas-export-upstream.operations lists them.
const base = "/api/atlas/v2/groups/{groupId}";
const workflow = [
  ["listExportBuckets", "get", "/backup/exportBuckets"],
  ["createExportBucket", "post", "/backup/exportBuckets"],
  ["getExportBucket", "get", "/backup/exportBuckets/{exportBucketId}"],
  ["deleteExportBucket", "delete", "/backup/exportBuckets/{exportBucketId}"],
  ["listBackupExportJobs", "get", "/clusters/{clusterName}/backup/exports"],
  ["createBackupExportJob", "post", "/clusters/{clusterName}/backup/exports"],
  ["getBackupExportJob", "get", "/clusters/{clusterName}/backup/exports/{exportId}"],
  ["listReplicaSetBackups", "get", "/clusters/{clusterName}/backup/snapshots"],
  ["getReplicaSetBackup", "get", "/clusters/{clusterName}/backup/snapshots/{snapshotId}"],
].map(([operationId, method, path]) => ({ operationId, method, path: base + path }));

describe.skipIf(!hasUpstream)("the export workflow in each real upstream file", () => {
  it.each([
    ["2024-08-27", "documentation-era operationIds", (id) => id],
    ["2025-06-30", "documentation-era operationIds", (id) => id],
    ["2026-08-21", "renamed …Group… operationIds", (id) => upstream2026[id]],
  ])("%s has all nine operations, with %s", async (date, _what, upstreamId) => {
    const extracted = extractOperations(await openSpecFile(upstreamFile(date)), workflow);
    expect(extracted.operations.map((operation) => operation.operation.operationId)).toEqual(
      workflow.map((entry) => upstreamId(entry.operationId)),
    );
  });

  it("2026-08-21 has the bucket PATCH and the snapshot POST, DELETE and PATCH on the same paths, reported as available", async () => {
    const extracted = extractOperations(await openSpecFile(upstreamFile("2026-08-21")), workflow);
    expect(extracted.available.map(({ method, path, alias }) => `${method} ${path} ${alias}`)).toEqual([
      `patch ${base}/backup/exportBuckets/{exportBucketId} updateBackupExportBucket`,
      `post ${base}/clusters/{clusterName}/backup/snapshots takeSnapshots`,
      `delete ${base}/clusters/{clusterName}/backup/snapshots/{snapshotId} deleteClusterBackupSnapshot`,
      `patch ${base}/clusters/{clusterName}/backup/snapshots/{snapshotId} updateBackupSnapshot`,
    ]);
  });

  it("2026-08-21 models the export buckets as unions discriminated by cloudProvider, reached through the mapping", async () => {
    const extracted = extractOperations(await openSpecFile(upstreamFile("2026-08-21")), workflow);
    const schemas = Object.keys(extracted.components.schemas);
    for (const provider of ["AWS", "Azure", "GCP"])
      for (const kind of ["Request", "Response"])
        expect(schemas).toContain(`DiskBackupSnapshot${provider}ExportBucket${kind}`);
    expect(
      extracted.components.schemas.DiskBackupSnapshotExportBucketResponse.discriminator.propertyName,
    ).toBe("cloudProvider");
  });
});

const upstream2026 = {
  listExportBuckets: "listGroupBackupExportBuckets",
  createExportBucket: "createGroupBackupExportBucket",
  getExportBucket: "getGroupBackupExportBucket",
  deleteExportBucket: "deleteGroupBackupExportBucket",
  listBackupExportJobs: "listGroupClusterBackupExports",
  createBackupExportJob: "createGroupClusterBackupExport",
  getBackupExportJob: "getGroupClusterBackupExport",
  listReplicaSetBackups: "listGroupClusterBackupSnapshots",
  getReplicaSetBackup: "getGroupClusterBackupSnapshot",
};
