import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  startMockAtlas,
  type FaultMatch,
  type FaultRule,
  type MockAtlas,
} from "../src/index.js";
import { ATLAS_ACCEPT, DOCUMENTED_REF, jobPath, mintToken, requestToken } from "./helpers.js";

let atlas: MockAtlas;
let token: string;

beforeEach(async () => {
  atlas = await startMockAtlas();
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
});
afterEach(() => atlas.close());

const getJob = (init: RequestInit = {}) =>
  fetch(atlas.url + jobPath(DOCUMENTED_REF), {
    headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
    ...init,
  });

describe("fault injection", () => {
  it("delays an answer: a client with a short timeout gives up, and close() does not wait for the delay", async () => {
    atlas.faults.add({ fault: { type: "delay", ms: 60_000 } });
    // 1 s, not less: on a loaded machine the request must reach the emulator before the client gives up.
    await expect(getJob({ signal: AbortSignal.timeout(1_000) })).rejects.toThrow(/aborted|timeout/i);
    expect(atlas.stats.faultsInjected).toBe(1);
  });

  it("answers normally after a delay", async () => {
    atlas.faults.add({ times: 1, fault: { type: "delay", ms: 1 } });
    expect((await getJob()).status).toBe(200);
  });

  it("resets the connection without answering", async () => {
    atlas.faults.add({ fault: { type: "reset" } });
    const error = await getJob().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError & { cause?: unknown }).cause)).toMatch(
      /closed|reset|hang up|terminated/i,
    );
  });

  it("truncates the body: headers promise more than arrives", async () => {
    atlas.faults.add({ fault: { type: "truncate" } });
    const response = await getJob();
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(100);
    await expect(response.text()).rejects.toThrow();
  });

  it("answers 502 with an HTML page, as a load balancer does", async () => {
    atlas.faults.add({ fault: { type: "html502" } });
    const response = await getJob();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toContain("<title>502 Bad Gateway</title>");
  });

  it("labels a normal answer with the wrong content type", async () => {
    atlas.faults.add({ fault: { type: "wrongContentType" } });
    const response = await getJob();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(JSON.parse(await response.text())).toMatchObject({ id: DOCUMENTED_REF.exportId });
  });

  it("uses a given wrong content type", async () => {
    atlas.faults.add({ fault: { type: "wrongContentType", contentType: "application/xml" } });
    expect((await getJob()).headers.get("content-type")).toBe("application/xml");
  });

  it.each([
    [503, "SERVICE_UNAVAILABLE", "Service Unavailable"],
    [429, "RATE_LIMITED", "Too Many Requests"],
    [500, "UNEXPECTED_ERROR", "Internal Server Error"],
  ])("answers an injected %i as an ApiError with Retry-After", async (status, errorCode, reason) => {
    atlas.faults.add({ fault: { type: "status", status, retryAfter: 2 } });
    const response = await getJob();
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ error: status, errorCode, reason });
  });

  it("lets `skip` requests through, acts `times` times, then stops (a retry scenario)", async () => {
    atlas.faults.add({
      match: { endpoint: "job" },
      skip: 1,
      times: 2,
      fault: { type: "status", status: 503, retryAfter: 1 },
    });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await getJob()).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(atlas.faults.list()).toEqual([]);
  });

  it("matches by operationId: a rule for getBackupExportJob acts on it and leaves other methods on its path alone", async () => {
    atlas.faults.add({ match: { operationId: "getBackupExportJob" }, fault: { type: "html502" } });
    expect((await getJob()).status).toBe(502);
    // DELETE on the same path is routed to no operation: the rule does not see it.
    expect((await getJob({ method: "DELETE" })).status).toBe(405);
    expect(atlas.stats.faultsInjected).toBe(1);
  });

  it("matches no request by an operationId the emulator does not serve", async () => {
    atlas.faults.add({ match: { operationId: "getGroupClusterBackupExport" }, fault: { type: "html502" } });
    expect((await getJob()).status).toBe(200);
  });

  it("matches by endpoint: a token-endpoint fault leaves the job alone", async () => {
    atlas.faults.add({ match: { endpoint: "token" }, fault: { type: "html502" } });
    expect((await getJob()).status).toBe(200);
    const tokenResponse = await requestToken(
      atlas.url,
      DEMO_SERVICE_ACCOUNT.clientId,
      DEMO_SERVICE_ACCOUNT.clientSecret,
    );
    expect(tokenResponse.status).toBe(502);
  });

  it.each<[string, FaultMatch, number]>([
    ["an exact path", { path: jobPath(DOCUMENTED_REF) }, 503],
    ["a path RegExp", { path: /\/backup\/exports\// }, 503],
    ["the method", { method: "get" }, 503],
    ["another method", { method: "POST" }, 200],
    ["another path", { path: "/api/oauth/token" }, 200],
  ])("matches by %s", async (_name, match, status) => {
    atlas.faults.add({ match, fault: { type: "status", status: 503 } });
    expect((await getJob()).status).toBe(status);
  });

  it("applies the first matching rule in order", async () => {
    atlas.faults.add({ times: 1, fault: { type: "status", status: 503 } });
    atlas.faults.add({ fault: { type: "html502" } });
    expect((await getJob()).status).toBe(503);
    expect((await getJob()).status).toBe(502);
  });

  it("takes rules from the options at start", async () => {
    const faulty = await startMockAtlas({ faults: [{ fault: { type: "status", status: 500 } }] });
    try {
      expect((await fetch(faulty.url + jobPath(DOCUMENTED_REF))).status).toBe(500);
    } finally {
      await faulty.close();
    }
  });

  it("stops injecting after clear()", async () => {
    atlas.faults.add({ fault: { type: "reset" } });
    atlas.faults.clear();
    expect((await getJob()).status).toBe(200);
  });

  it.each([
    ["an unknown type", { fault: { type: "explode" } }, /unknown fault type "explode"/],
    ["times 0", { times: 0, fault: { type: "reset" } }, /"times" must be an integer >= 1/],
    ["a negative delay", { fault: { type: "delay", ms: -5 } }, /delay "ms" must be a number >= 0/],
    ["a 200 status", { fault: { type: "status", status: 200 } }, /HTTP error status 400-599/],
  ])("rejects a rule with %s", (_name, rule, message) => {
    expect(() => atlas.faults.add(rule as FaultRule)).toThrow(message);
  });
});
