import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ApiError } from "@atlas-export/types";
import {
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_JOB,
  DOCUMENTED_EXPORT_JOB_DEFINITION,
  startMockAtlas,
  type MockAtlas,
} from "../src/index.js";
import { ATLAS_ACCEPT, DOCUMENTED_REF, jobPath, mintToken } from "./helpers.js";

let atlas: MockAtlas;
let token: string;

beforeAll(async () => {
  atlas = await startMockAtlas({ rateLimit: { limit: 1000, windowMs: 60_000 } });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
});
afterAll(() => atlas.close());
beforeEach(() => atlas.resetStats());

function get(path: string, headers: Record<string, string> = ATLAS_ACCEPT) {
  return fetch(atlas.url + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

describe("GET …/backup/exports/{exportId}", () => {
  it("holds the documentation page's example job by default, exactly as the spec fragment documents it", async () => {
    const spec = parse(readFileSync(new URL("../../../spec/openapi.yaml", import.meta.url), "utf8"));
    const operation =
      spec.paths["/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}"].get;
    const documented =
      operation.responses["200"].content["application/vnd.atlas.2023-01-01+json"].examples.documented.value;
    expect(DOCUMENTED_EXPORT_JOB).toEqual(documented);

    const response = await get(jobPath(DOCUMENTED_REF));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.atlas.2023-01-01+json");
    expect(await response.json()).toEqual(documented);
  });

  it("serves the documented job at the documented path parameters", () => {
    expect(DOCUMENTED_EXPORT_JOB_DEFINITION).toMatchObject(DOCUMENTED_REF);
  });

  it("sends compact JSON by default and indented JSON with pretty=true", async () => {
    const compact = await (await get(jobPath(DOCUMENTED_REF))).text();
    const pretty = await (await get(jobPath(DOCUMENTED_REF, "?pretty=true"))).text();
    expect(compact).not.toContain("\n");
    expect(pretty).toContain('\n  "exportBucketId": "32b6e34b3d91647abb20e7b8"');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
  });

  it("wraps the job as { status, content } with envelope=true", async () => {
    const response = await get(jobPath(DOCUMENTED_REF, "?envelope=true"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 200, content: DOCUMENTED_EXPORT_JOB });
  });

  it("wraps an error in the envelope too, answering HTTP 200", async () => {
    const response = await get(
      jobPath({ ...DOCUMENTED_REF, exportId: "ffffffffffffffffffffffff" }, "?envelope=true"),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 404,
      content: { error: 404, errorCode: "RESOURCE_NOT_FOUND" },
    });
  });

  it("reads envelope=false and pretty=false as absent", async () => {
    const response = await get(jobPath(DOCUMENTED_REF, "?envelope=false&pretty=false"));
    expect(await response.text()).toBe(JSON.stringify(DOCUMENTED_EXPORT_JOB));
  });

  it("answers 404 RESOURCE_NOT_FOUND as an ApiError for an unknown job", async () => {
    const path = jobPath({ ...DOCUMENTED_REF, exportId: "ffffffffffffffffffffffff" });
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      detail: `Cannot find resource ${path}.`,
      error: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      parameters: [path],
      reason: "Not Found",
    });
  });

  it("answers 404 RESOURCE_NOT_FOUND for another Atlas path once authenticated", async () => {
    const response = await get("/api/atlas/v2/groups");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorCode: "RESOURCE_NOT_FOUND" });
  });

  it.each([
    ["a short groupId", { groupId: "32b6e34b" }, "INVALID_GROUP_ID", ["groupId"]],
    ["an upper-case groupId", { groupId: "32B6E34B3D91647ABB20E7B8" }, "INVALID_GROUP_ID", ["groupId"]],
    [
      "a clusterName starting with a hyphen",
      { clusterName: "-Cluster0" },
      "VALIDATION_ERROR",
      ["clusterName"],
    ],
    ["a clusterName with an underscore", { clusterName: "Cluster_0" }, "VALIDATION_ERROR", ["clusterName"]],
    ["a 65-character clusterName", { clusterName: "c".repeat(65) }, "VALIDATION_ERROR", ["clusterName"]],
    [
      "an exportId that is not hex",
      { exportId: "zzzzzzzzzzzzzzzzzzzzzzzz" },
      "VALIDATION_ERROR",
      ["exportId"],
    ],
    ["an empty exportId", { exportId: "" }, "VALIDATION_ERROR", ["exportId"]],
    [
      "a bad groupId and exportId",
      { groupId: "x", exportId: "y" },
      "INVALID_GROUP_ID",
      ["groupId", "exportId"],
    ],
  ])("answers 400 for %s, naming every bad parameter", async (_name, change, errorCode, fields) => {
    const response = await get(jobPath({ ...DOCUMENTED_REF, ...change }));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as ApiError;
    expect(body).toMatchObject({ error: 400, errorCode, reason: "Bad Request", detail: expect.any(String) });
    expect(body.badRequestDetail?.fields?.map((field) => field.field)).toEqual(fields);
  });

  it("accepts a 64-character clusterName (the upper bound): no such cluster, not a bad parameter", async () => {
    const response = await get(jobPath({ ...DOCUMENTED_REF, clusterName: "c".repeat(64) }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errorCode: "CLUSTER_NOT_FOUND" });
  });

  it.each([
    ["the versioned media type", "application/vnd.atlas.2023-01-01+json", 200],
    ["a later version date", "application/vnd.atlas.2025-03-12+json", 200],
    ["no Accept header", undefined, 200],
    ["*/*", "*/*", 200],
    ["a list with the versioned type", "text/html, application/vnd.atlas.2023-01-01+json;q=0.9", 200],
    ["plain application/json", "application/json", 406],
    ["a version date before 2023-01-01", "application/vnd.atlas.2022-12-31+json", 406],
    ["the versioned type with q=0", "application/vnd.atlas.2023-01-01+json;q=0", 406],
  ])("answers %s with %i", async (_name, accept, status) => {
    const response = await get(jobPath(DOCUMENTED_REF), accept === undefined ? {} : { accept });
    expect(response.status).toBe(status);
    if (status === 406)
      expect(await response.json()).toMatchObject({ error: 406, errorCode: "NOT_ACCEPTABLE" });
  });

  it("answers 405 with Allow: GET to other methods", async () => {
    const response = await fetch(atlas.url + jobPath(DOCUMENTED_REF), {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}`, ...ATLAS_ACCEPT },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
  });

  it("answers 404 outside the API without asking for credentials", async () => {
    const response = await fetch(`${atlas.url}/favicon.ico`);
    expect(response.status).toBe(404);
    expect(response.headers.get("www-authenticate")).toBeNull();
  });

  it("counts requests by path, operation and status", async () => {
    await get(jobPath(DOCUMENTED_REF));
    await get(jobPath({ ...DOCUMENTED_REF, groupId: "bad" }));
    expect(atlas.stats.requests).toBe(2);
    expect(atlas.stats.byPath[jobPath(DOCUMENTED_REF)]).toBe(1);
    expect(atlas.stats.byStatus).toEqual({ 200: 1, 400: 1 });
    expect(atlas.stats.byOperation).toEqual({ getBackupExportJob: 2 });
  });
});

describe("API rate limiting", () => {
  it("sends RateLimit-Limit and RateLimit-Remaining on every authenticated answer when enabled", async () => {
    const response = await get(jobPath(DOCUMENTED_REF));
    expect(response.headers.get("ratelimit-limit")).toBe("1000");
    expect(Number(response.headers.get("ratelimit-remaining"))).toBeLessThan(1000);
  });

  it("answers 429 RATE_LIMITED with Retry-After once a credential used its window", async () => {
    const limited = await startMockAtlas({ rateLimit: { limit: 2, windowMs: 30_000 } });
    try {
      const bearer = await mintToken(
        limited.url,
        DEMO_SERVICE_ACCOUNT.clientId,
        DEMO_SERVICE_ACCOUNT.clientSecret,
      );
      const call = () =>
        fetch(limited.url + jobPath(DOCUMENTED_REF), {
          headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${bearer}` },
        });
      expect((await call()).headers.get("ratelimit-remaining")).toBe("1");
      expect((await call()).headers.get("ratelimit-remaining")).toBe("0");
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
      expect(refused.headers.get("ratelimit-limit")).toBe("2");
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      expect(await refused.json()).toMatchObject({
        error: 429,
        errorCode: "RATE_LIMITED",
        reason: "Too Many Requests",
      });
      expect(limited.stats.rateLimited).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it("sends no RateLimit headers when rate limiting is off (the default)", async () => {
    const plain = await startMockAtlas();
    try {
      const bearer = await mintToken(
        plain.url,
        DEMO_SERVICE_ACCOUNT.clientId,
        DEMO_SERVICE_ACCOUNT.clientSecret,
      );
      const response = await fetch(plain.url + jobPath(DOCUMENTED_REF), {
        headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${bearer}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-limit")).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it("accepts the demo API key when given no credentials", () => {
    expect(DEMO_API_KEY.publicKey).toMatch(/^[a-z]{8}$/);
  });
});
