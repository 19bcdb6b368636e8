import type { ApiError } from "@atlas-export/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEMO_SERVICE_ACCOUNT,
  createManualClock,
  startMockAtlas,
  type MockAtlas,
  type MockAtlasOptions,
} from "../src/index.js";
import { MEDIA_2023, callApi, mintToken } from "./helpers.js";

const DOCUMENTED_GROUP = "32b6e34b3d91647abb20e7b8";
const GROUP = "5f1b0c0d0e0f101112131415";
const snapshots = (groupId: string, clusterName: string) =>
  `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/snapshots`;

let atlas: MockAtlas;
let token: string;
const start = async (options: MockAtlasOptions = {}) => {
  atlas = await startMockAtlas({ clock: createManualClock("2026-01-01T12:00:00Z"), ...options });
  token = await mintToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret);
};
const get = (path: string) => callApi(atlas.url, token, "GET", path);
afterEach(() => atlas.close());

describe("listReplicaSetBackups", () => {
  it("holds three daily snapshots of the documented cluster by default, newest first, the newest the documented snapshotId", async () => {
    await start();
    const response = await get(snapshots(DOCUMENTED_GROUP, "Cluster0"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(MEDIA_2023);
    const page = (await response.json()) as { results: Array<Record<string, unknown>>; totalCount: number };
    expect(page.totalCount).toBe(3);
    expect(page.results.map((snapshot) => snapshot["createdAt"])).toEqual([
      "2026-01-01T11:00:00Z",
      "2025-12-31T11:00:00Z",
      "2025-12-30T11:00:00Z",
    ]);
    expect(page.results[0]).toMatchObject({
      id: "32b6e34b3d91647abb20e7b8",
      status: "completed",
      snapshotType: "scheduled",
      frequencyType: "daily",
      type: "replicaSet",
      expiresAt: "2026-01-08T11:00:00Z",
      links: [
        {
          href: `${atlas.url}${snapshots(DOCUMENTED_GROUP, "Cluster0")}/32b6e34b3d91647abb20e7b8`,
          rel: "self",
        },
      ],
    });
  });

  it("serves the snapshots it is given newest first, whatever order they were given in", async () => {
    await start({
      snapshots: [
        {
          groupId: GROUP,
          clusterName: "Cluster1",
          id: "6650a1b2c3d4e5f600000001",
          createdAt: "2026-01-01T01:00:00Z",
        },
        {
          groupId: GROUP,
          clusterName: "Cluster1",
          id: "6650a1b2c3d4e5f600000003",
          createdAt: "2026-01-01T03:00:00Z",
        },
        {
          groupId: GROUP,
          clusterName: "Cluster1",
          id: "6650a1b2c3d4e5f600000002",
          createdAt: "2026-01-01T02:00:00Z",
        },
        { groupId: GROUP, clusterName: "Cluster2", id: "6650a1b2c3d4e5f600000004" },
      ],
    });
    const page = (await (await get(snapshots(GROUP, "Cluster1"))).json()) as {
      results: Array<{ id: string }>;
    };
    expect(page.results.map((snapshot) => snapshot.id)).toEqual([
      "6650a1b2c3d4e5f600000003",
      "6650a1b2c3d4e5f600000002",
      "6650a1b2c3d4e5f600000001",
    ]);
    // Giving `snapshots` replaces the default ones.
    expect(atlas.snapshots.list(DOCUMENTED_GROUP, "Cluster0")).toEqual([]);
  });

  it("answers an empty page for a cluster it holds no snapshots of", async () => {
    await start({ clusters: [{ groupId: GROUP, clusterName: "Empty" }] });
    expect(await (await get(snapshots(GROUP, "Empty"))).json()).toMatchObject({
      results: [],
      totalCount: 0,
    });
  });

  it("pages with itemsPerPage, links the next page and omits totalCount with includeCount=false", async () => {
    await start();
    const first = (await (
      await get(`${snapshots(DOCUMENTED_GROUP, "Cluster0")}?itemsPerPage=2&includeCount=false`)
    ).json()) as { results: unknown[]; links: Array<{ rel: string; href: string }>; totalCount?: number };
    expect(first.results).toHaveLength(2);
    expect(first).not.toHaveProperty("totalCount");
    const next = first.links.find((link) => link.rel === "next");
    expect(next?.href).toContain("pageNum=2&itemsPerPage=2");
    const second = (await (
      await get(new URL(next?.href ?? "").pathname + new URL(next?.href ?? "").search)
    ).json()) as {
      results: Array<{ id: string }>;
    };
    expect(second.results.map((snapshot) => snapshot.id)).toEqual(["32b6e34b3d91647abb20e7ba"]);
  });

  it.each([["itemsPerPage=501"], ["itemsPerPage=0"], ["pageNum=0"], ["pageNum=x"]])(
    "answers 400 VALIDATION_ERROR to %s",
    async (query) => {
      await start();
      const response = await get(`${snapshots(DOCUMENTED_GROUP, "Cluster0")}?${query}`);
      expect(response.status).toBe(400);
      const error = (await response.json()) as ApiError;
      expect(error.errorCode).toBe("VALIDATION_ERROR");
      expect(error.badRequestDetail?.fields?.[0]?.field).toBe(query.split("=")[0]);
    },
  );
});

describe("listReplicaSetBackups at a point in time", () => {
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  const ids = async (query: string) => {
    const response = await get(`${snapshots(DOCUMENTED_GROUP, "Cluster0")}?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: Array<{ id: string }> }).results.map(({ id }) => id);
  };

  it("answers only the closest snapshot taken before pointInTimeUtcSeconds", async () => {
    await start();
    expect(await ids(`pointInTimeUtcSeconds=${seconds("2026-01-01T10:00:00Z")}`)).toEqual([
      "32b6e34b3d91647abb20e7b9",
    ]);
  });

  it("counts a snapshot taken at the very second as before it", async () => {
    await start();
    expect(await ids(`pointInTimeUtcSeconds=${seconds("2025-12-31T11:00:00Z")}`)).toEqual([
      "32b6e34b3d91647abb20e7b9",
    ]);
  });

  it("answers an empty page for a point before every snapshot", async () => {
    await start();
    expect(await ids(`pointInTimeUtcSeconds=${seconds("2025-12-30T10:59:59Z")}`)).toEqual([]);
  });

  it("reads oplogTs (with oplogInc) as the same point in time in seconds", async () => {
    await start();
    expect(await ids(`oplogTs=${seconds("2026-01-01T10:00:00Z")}&oplogInc=7`)).toEqual([
      "32b6e34b3d91647abb20e7b9",
    ]);
  });

  it.each([
    ["pointInTimeUtcSeconds=soon", "pointInTimeUtcSeconds"],
    ["pointInTimeUtcSeconds=-1", "pointInTimeUtcSeconds"],
    ["oplogTs=1767261600&oplogInc=x", "oplogInc"],
    ["pointInTimeUtcSeconds=1767261600&oplogTs=1767261600&oplogInc=1", "pointInTimeUtcSeconds"],
    ["oplogTs=1767261600", "oplogInc"],
    ["oplogInc=1", "oplogTs"],
  ])("answers 400 VALIDATION_ERROR to %s, naming %s", async (query, field) => {
    await start();
    const response = await get(`${snapshots(DOCUMENTED_GROUP, "Cluster0")}?${query}`);
    expect(response.status).toBe(400);
    const error = (await response.json()) as ApiError;
    expect(error.errorCode).toBe("VALIDATION_ERROR");
    expect(error.badRequestDetail?.fields?.map((violation) => violation.field)).toEqual([field]);
  });
});

describe("getReplicaSetBackup", () => {
  it("answers one snapshot, 404 for an unknown one and 400 for an id that is not 24 hex digits", async () => {
    await start();
    const path = snapshots(DOCUMENTED_GROUP, "Cluster0");
    const one = await get(`${path}/32b6e34b3d91647abb20e7b9`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      id: "32b6e34b3d91647abb20e7b9",
      createdAt: "2025-12-31T11:00:00Z",
    });
    expect((await get(`${path}/ffffffffffffffffffffffff`)).status).toBe(404);
    expect((await get(`${snapshots(DOCUMENTED_GROUP, "Cluster1")}/32b6e34b3d91647abb20e7b9`)).status).toBe(
      404,
    );
    const bad = await get(`${path}/nope`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiError).badRequestDetail?.fields?.[0]?.field).toBe("snapshotId");
  });
});

describe("snapshot definitions", () => {
  it.each<[string, MockAtlasOptions["snapshots"], RegExp]>([
    [
      "a bad group id",
      [{ groupId: "x", clusterName: "Cluster0" }],
      /snapshot "groupId" must NOT have fewer than 24/,
    ],
    [
      "a bad id",
      [{ groupId: GROUP, clusterName: "Cluster0", id: "nope" }],
      /snapshot "id" must match pattern/,
    ],
    [
      "a createdAt that is not a time",
      [{ groupId: GROUP, clusterName: "Cluster0", createdAt: "yesterday" }],
      /"createdAt" and "expiresAt" must be times/,
    ],
    [
      "the same id twice in a cluster",
      [
        { groupId: GROUP, clusterName: "Cluster0", id: "6650a1b2c3d4e5f600000001" },
        { groupId: GROUP, clusterName: "Cluster0", id: "6650a1b2c3d4e5f600000001" },
      ],
      /snapshot 6650a1b2c3d4e5f600000001 already exists/,
    ],
  ])("rejects %s at start, naming the field", async (_name, definitions, message) => {
    await expect(startMockAtlas({ snapshots: definitions ?? [] })).rejects.toThrow(message);
  });
});
