import { DEMO_SERVICE_ACCOUNT, startMockAtlas, type MockAtlas } from "@atlas-export/mock-server";
import { afterEach, describe, expect, it } from "vitest";
import { createAtlasClient, serviceAccountAuth } from "../src/index.js";

const groupId = "5f1b0c0d0e0f101112131415";
const V2023 = "application/vnd.atlas.2023-01-01+json";
const V2024 = "application/vnd.atlas.2024-05-30+json";
const BUCKETS = "/api/atlas/v2/groups/{groupId}/backup/exportBuckets" as const;

let emulators: MockAtlas[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
  emulators = [];
});

/** A client of a fresh emulator whose `fetch` records the media types each API request carried. */
async function recordingClient() {
  const mock = await startMockAtlas({
    buckets: [],
    jobs: [],
    clusters: [{ groupId, clusterName: "Cluster0" }],
  });
  emulators.push(mock);
  const sent: Array<{ method: string; accept: string | null; contentType: string | null }> = [];
  const atlas = createAtlasClient({
    baseUrl: mock.url,
    auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
    fetch: (request) => {
      if (new URL(request.url).pathname.startsWith("/api/atlas/")) {
        sent.push({
          method: request.method,
          accept: request.headers.get("Accept"),
          contentType: request.headers.get("Content-Type"),
        });
      }
      return globalThis.fetch(request);
    },
  });
  return { atlas, sent };
}

describe("versioned media types on atlas.api", () => {
  it("sends each operation's media types from the spec, so bucket operations work through api too", async () => {
    const { atlas, sent } = await recordingClient();
    const created = await atlas.api.POST(BUCKETS, {
      params: { path: { groupId } },
      body: { cloudProvider: "GCP", bucketName: "exports", roleId: "668c5f0ed436263134491592" },
    });
    expect(created.response.status).toBe(200);
    const listed = await atlas.api.GET(BUCKETS, { params: { path: { groupId } } });
    expect(listed.response.status).toBe(200);
    expect(listed.data?.results).toHaveLength(1);
    const jobs = await atlas.api.GET("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports", {
      params: { path: { groupId, clusterName: "Cluster0" } },
    });
    expect(jobs.response.status).toBe(200);
    expect(sent).toEqual([
      { method: "POST", accept: V2024, contentType: V2024 },
      { method: "GET", accept: V2024, contentType: null },
      { method: "GET", accept: V2023, contentType: null },
    ]);
  });

  it("keeps an Accept the caller gives", async () => {
    const { atlas, sent } = await recordingClient();
    const { response } = await atlas.api.GET(BUCKETS, {
      params: { path: { groupId } },
      headers: { Accept: "application/vnd.atlas.2025-01-01+json" },
    });
    expect(response.status).toBe(200);
    expect(sent).toEqual([
      { method: "GET", accept: "application/vnd.atlas.2025-01-01+json", contentType: null },
    ]);
  });
});
