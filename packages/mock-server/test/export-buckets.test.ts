import type { ApiError } from "@atlas-export/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_BUCKET_DEFINITION,
  createManualClock,
  startMockAtlas,
  type ManualClock,
  type MockAtlas,
} from "../src/index.js";
import { MEDIA_2023, MEDIA_2024, callApi, mintToken } from "./helpers.js";

const GROUP = "5f1b0c0d0e0f101112131415";
const OTHER_GROUP = "5f1b0c0d0e0f101112131416";
const buckets = (groupId = GROUP) => `/api/atlas/v2/groups/${groupId}/backup/exportBuckets`;
const ROLE = "668c5f0ed436263134491592";
const AWS = { cloudProvider: "AWS", bucketName: "export-bucket", iamRoleId: ROLE };
const AZURE = {
  cloudProvider: "AZURE",
  roleId: ROLE,
  serviceUrl: "https://examplestorageaccount.blob.core.windows.net/examplecontainer",
};
const GCP = { cloudProvider: "GCP", bucketName: "export-bucket", roleId: ROLE };

let atlas: MockAtlas;
let clock: ManualClock;
let token: string;
const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  callApi(atlas.url, token, method, path, {
    mediaType: MEDIA_2024,
    headers,
    ...(body === undefined ? {} : { body }),
  });

beforeEach(async () => {
  clock = createManualClock("2026-01-01T00:00:00Z");
  atlas = await startMockAtlas({ clock });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
});
afterEach(() => atlas.close());

describe("createExportBucket", () => {
  it("stores an AWS bucket and answers it with a new _id, the region Atlas sets and the 2024-05-30 media type", async () => {
    const response = await call("POST", buckets(), AWS);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MEDIA_2024);
    const bucket = (await response.json()) as Record<string, unknown>;
    expect(bucket).toEqual({
      _id: expect.stringMatching(/^[a-f0-9]{24}$/),
      ...AWS,
      region: "us-east-1",
      requirePrivateNetworking: false,
      links: [{ href: `${atlas.url}${buckets()}/${String(bucket["_id"])}`, rel: "self" }],
    });
    expect(atlas.buckets.get(GROUP, String(bucket["_id"]))).toEqual(bucket);
  });

  it("takes an Azure bucket's name from the container in serviceUrl and sets the role's tenant", async () => {
    const bucket = (await (await call("POST", buckets(), AZURE)).json()) as Record<string, unknown>;
    expect(bucket).toMatchObject({ ...AZURE, bucketName: "examplecontainer" });
    expect(bucket["tenantId"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("stores a GCP bucket", async () => {
    const response = await call("POST", buckets(), GCP);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject(GCP);
  });

  it.each<[string, unknown, string]>([
    ["no cloudProvider", { bucketName: "export-bucket", iamRoleId: ROLE }, "cloudProvider"],
    ["an unknown cloudProvider", { ...AWS, cloudProvider: "IBM" }, "cloudProvider"],
    ["an AWS body without iamRoleId", { cloudProvider: "AWS", bucketName: "export-bucket" }, "iamRoleId"],
    ["a GCP body without bucketName", { cloudProvider: "GCP", roleId: ROLE }, "bucketName"],
    ["a GCP roleId that is not 24 hex digits", { ...GCP, roleId: "role" }, "roleId"],
    ["a two-character bucketName", { ...AWS, bucketName: "ab" }, "bucketName"],
    ["an Azure body without serviceUrl", { cloudProvider: "AZURE", roleId: ROLE }, "serviceUrl"],
  ])("answers 400 VALIDATION_ERROR for %s, naming the field", async (_name, body, field) => {
    const response = await call("POST", buckets(), body);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    const error = (await response.json()) as ApiError;
    expect(error).toMatchObject({ error: 400, errorCode: "VALIDATION_ERROR" });
    expect(error.badRequestDetail?.fields?.map((violation) => violation.field)).toEqual([field]);
    expect(atlas.buckets.list(GROUP)).toEqual([]);
  });

  it.each([
    [
      "a serviceUrl that is not a blob endpoint",
      { ...AZURE, serviceUrl: "https://example.com/container/x/y/z" },
    ],
    [
      "a serviceUrl without a container and no bucketName",
      { ...AZURE, serviceUrl: "https://examplestorageaccount.blob.core.windows.net/" },
    ],
  ])("answers 400 for an Azure body with %s", async (_name, body) => {
    const response = await call("POST", buckets(), body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: "VALIDATION_ERROR" });
  });

  it.each([
    ["text that is not JSON", "{not json"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["an empty body", ""],
  ])("answers 400 INVALID_JSON for %s", async (_name, text) => {
    const response = await call("POST", buckets(), text);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errorCode: "INVALID_JSON" });
  });

  it.each([
    ["a body that is not JSON by its Content-Type", "text/plain"],
    ["no Content-Type", ""],
    ["a bucket body in the 2023-01-01 version, which had no Azure or GCP", MEDIA_2023],
  ])("answers 415 UNSUPPORTED_MEDIA_TYPE to %s", async (_name, contentType) => {
    const response = await call("POST", buckets(), AWS, { "content-type": contentType });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ errorCode: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it.each([
    ["plain application/json", "application/json"],
    ["a later version date", "application/vnd.atlas.2025-03-12+json"],
    ["the versioned type with a charset", `${MEDIA_2024}; charset=utf-8`],
  ])("reads a body sent as %s", async (_name, contentType) => {
    expect((await call("POST", buckets(), AWS, { "content-type": contentType })).status).toBe(200);
  });
});

describe("getExportBucket and listExportBuckets", () => {
  it("holds the spec's AWS example bucket in the documented project by default", async () => {
    const { groupId, _id } = DOCUMENTED_EXPORT_BUCKET_DEFINITION;
    const response = await call("GET", `${buckets(groupId)}/${String(_id)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      _id,
      bucketName: "export-bucket",
      cloudProvider: "AWS",
      iamRoleId: ROLE,
      region: "us-east-1",
      requirePrivateNetworking: true,
    });
  });

  it("lists a project's buckets in creation order as { links, results, totalCount }", async () => {
    const first = await (await call("POST", buckets(), AWS)).json();
    const second = await (await call("POST", buckets(), GCP)).json();
    const response = await call("GET", buckets());
    expect(response.headers.get("content-type")).toBe(MEDIA_2024);
    expect(await response.json()).toEqual({
      links: [{ href: `${atlas.url}${buckets()}?pageNum=1&itemsPerPage=100`, rel: "self" }],
      results: [first, second],
      totalCount: 2,
    });
  });

  it("keeps each project's buckets to itself", async () => {
    const bucket = (await (await call("POST", buckets(), AWS)).json()) as { _id: string };
    expect((await call("GET", `${buckets(OTHER_GROUP)}/${bucket._id}`)).status).toBe(404);
    expect(await (await call("GET", buckets(OTHER_GROUP))).json()).toMatchObject({
      results: [],
      totalCount: 0,
    });
  });

  it("pages the list with itemsPerPage and pageNum", async () => {
    for (let i = 0; i < 3; i += 1) await call("POST", buckets(), { ...AWS, bucketName: `bucket-${i}` });
    const page = (await (await call("GET", `${buckets()}?itemsPerPage=2&pageNum=2`)).json()) as {
      results: Array<{ bucketName: string }>;
      totalCount: number;
    };
    expect(page.results.map((bucket) => bucket.bucketName)).toEqual(["bucket-2"]);
    expect(page.totalCount).toBe(3);
  });

  it("answers 404 RESOURCE_NOT_FOUND for an unknown bucket and 400 for an id that is not 24 hex digits", async () => {
    expect((await call("GET", `${buckets()}/ffffffffffffffffffffffff`)).status).toBe(404);
    const bad = await call("GET", `${buckets()}/not-an-id`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiError).badRequestDetail?.fields?.[0]?.field).toBe("exportBucketId");
  });

  it("answers 406 to an Accept header naming only the 2023-01-01 version, which has no Azure or GCP buckets", async () => {
    const response = await call("GET", buckets(), undefined, { accept: MEDIA_2023 });
    expect(response.status).toBe(406);
  });
});

describe("deleteExportBucket", () => {
  it("deletes a bucket with 204 and no body; it is gone afterwards", async () => {
    const bucket = (await (await call("POST", buckets(), AWS)).json()) as { _id: string };
    const response = await call("DELETE", `${buckets()}/${bucket._id}`);
    expect(response.status).toBe(204);
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toBe("");
    expect((await call("GET", `${buckets()}/${bucket._id}`)).status).toBe(404);
    expect((await call("DELETE", `${buckets()}/${bucket._id}`)).status).toBe(404);
  });

  it("answers { status: 204 } with envelope=true", async () => {
    const bucket = (await (await call("POST", buckets(), AWS)).json()) as { _id: string };
    const response = await call("DELETE", `${buckets()}/${bucket._id}?envelope=true`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 204 });
  });

  it("refuses to delete a bucket a running export writes to, as Atlas does, and deletes it once the export ended", async () => {
    const bucket = (await (await call("POST", buckets(), AWS)).json()) as { _id: string };
    atlas.snapshots.add({ groupId: GROUP, clusterName: "Cluster0", id: "6650a1b2c3d4e5f601234567" });
    const created = await callApi(
      atlas.url,
      token,
      "POST",
      `/api/atlas/v2/groups/${GROUP}/clusters/Cluster0/backup/exports`,
      {
        body: { snapshotId: "6650a1b2c3d4e5f601234567", exportBucketId: bucket._id },
      },
    );
    expect(created.status).toBe(200);

    const refused = await call("DELETE", `${buckets()}/${bucket._id}`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: 400,
      errorCode: "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE",
      parameters: [bucket._id],
    });

    clock.advance(10_000); // Queued 2 s + InProgress 8 s: the export is Successful
    expect((await call("DELETE", `${buckets()}/${bucket._id}`)).status).toBe(204);
  });
});
