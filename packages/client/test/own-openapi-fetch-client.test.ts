import {
  createManualClock,
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  startMockAtlas,
  type MockAtlas,
} from "@atlas-export/mock-server";
import type { paths } from "@atlas-export/types";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import { digestAuth, serviceAccountAuth } from "../src/index.js";
import { MEDIA_TYPE } from "./support/fixtures.js";

// digestAuth and serviceAccountAuth are plain openapi-fetch middleware: on a client the user created
// themselves, without createAtlasClient, they keep every property they have inside it.

const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;
const documented = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};

let atlas: MockAtlas | undefined;
afterEach(async () => {
  await atlas?.close();
  atlas = undefined;
});

function ownClient(url: string) {
  return createClient<paths>({ baseUrl: url, headers: { Accept: MEDIA_TYPE } });
}

describe("digestAuth on a user's own createClient<paths>() against the emulator", () => {
  it("costs N+1 requests for N sequential calls: one challenge, then the nonce is reused", async () => {
    atlas = await startMockAtlas();
    const client = ownClient(atlas.url);
    client.use(digestAuth(DEMO_API_KEY));
    for (let i = 0; i < 5; i++) {
      const { data, response } = await client.GET(JOB, { params: { path: documented } });
      expect(response.status).toBe(200);
      expect(data?.id).toBe(documented.exportId);
    }
    expect(atlas.stats).toMatchObject({
      requests: 6,
      challenges: 1,
      digestAuthenticated: 5,
      replaysRejected: 0,
    });
  });

  it("shares one challenge among concurrent first calls, with no nc replayed", async () => {
    atlas = await startMockAtlas();
    const client = ownClient(atlas.url);
    client.use(digestAuth(DEMO_API_KEY));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => client.GET(JOB, { params: { path: documented } })),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(8).fill(200));
    expect(atlas.stats).toMatchObject({ requests: 9, challenges: 1, replaysRejected: 0 });
  });

  it("answers a stale nonce with the fresh one in a single extra request", async () => {
    const clock = createManualClock();
    atlas = await startMockAtlas({ clock, nonceTtlMs: 60_000 });
    const client = ownClient(atlas.url);
    client.use(digestAuth(DEMO_API_KEY));
    await client.GET(JOB, { params: { path: documented } });
    clock.advance(61_000);
    const { response } = await client.GET(JOB, { params: { path: documented } });
    expect(response.status).toBe(200);
    expect(atlas.stats).toMatchObject({ requests: 4, staleNonces: 1, digestAuthenticated: 2 });
  });
});

describe("serviceAccountAuth on a user's own createClient<paths>() against the emulator", () => {
  it("mints one token for sequential and concurrent calls alike, and revokes it on close()", async () => {
    atlas = await startMockAtlas();
    const client = ownClient(atlas.url);
    const auth = serviceAccountAuth(DEMO_SERVICE_ACCOUNT);
    client.use(auth);
    for (let i = 0; i < 3; i++) {
      expect((await client.GET(JOB, { params: { path: documented } })).response.status).toBe(200);
    }
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.GET(JOB, { params: { path: documented } })),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(10).fill(200));
    expect(atlas.stats).toMatchObject({ tokensMinted: 1, bearerAuthenticated: 13 });
    await auth.close();
    expect(atlas.stats.tokensRevoked).toBe(1);
  });

  it("shares one token among concurrent first calls", async () => {
    atlas = await startMockAtlas();
    const client = ownClient(atlas.url);
    client.use(serviceAccountAuth(DEMO_SERVICE_ACCOUNT));
    await Promise.all(Array.from({ length: 12 }, () => client.GET(JOB, { params: { path: documented } })));
    expect(atlas.stats).toMatchObject({ tokensMinted: 1, requests: 13 });
  });
});
