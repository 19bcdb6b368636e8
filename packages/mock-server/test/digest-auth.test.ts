import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, startMockAtlas, type ManualClock, type MockAtlas } from "../src/index.js";
import {
  ATLAS_ACCEPT,
  DOCUMENTED_REF,
  digestAuthorization,
  fetchNonce,
  jobPath,
  parseChallenge,
} from "./helpers.js";

const KEY = { publicKey: "abcdefgh", privateKey: "0b1e9c4d-7f7a-4c63-9e55-2d8f1a3b6c70" };
const PATH = jobPath(DOCUMENTED_REF);

let clock: ManualClock;
let atlas: MockAtlas;

beforeEach(async () => {
  clock = createManualClock();
  atlas = await startMockAtlas({ clock, apiKeys: [KEY], nonceTtlMs: 60_000 });
});
afterEach(() => atlas.close());

function get(authorization: string | undefined, path = PATH) {
  return fetch(atlas.url + path, {
    headers: { ...ATLAS_ACCEPT, ...(authorization === undefined ? {} : { authorization }) },
  });
}

const authorization = (nonce: string, overrides: Partial<Parameters<typeof digestAuthorization>[0]> = {}) =>
  digestAuthorization({ username: KEY.publicKey, password: KEY.privateKey, uri: PATH, nonce, ...overrides });

describe("HTTP Digest", () => {
  it("challenges an unauthenticated request the way Atlas does", async () => {
    const response = await get(undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    const challenge = parseChallenge(response.headers.get("www-authenticate"));
    expect(challenge).toMatchObject({
      realm: "MMS Public API",
      algorithm: "MD5",
      qop: "auth",
      stale: "false",
    });
    expect(challenge["nonce"]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await response.json()).toMatchObject({
      error: 401,
      errorCode: "UNAUTHORIZED",
      reason: "Unauthorized",
    });
    expect(atlas.stats.challenges).toBe(1);
    expect(atlas.stats.authFailures).toBe(0);
  });

  it("accepts a correct digest for the challenged nonce", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const response = await get(authorization(nonce));
    expect(response.status).toBe(200);
    expect(atlas.stats.digestAuthenticated).toBe(1);
  });

  it("accepts one nonce many times when nc rises, with a single challenge", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    for (const nc of [1, 2, 3, 7]) {
      expect((await get(authorization(nonce, { nc }))).status).toBe(200);
    }
    expect(atlas.stats.challenges).toBe(1);
    expect(atlas.stats.digestAuthenticated).toBe(4);
  });

  it("rejects a wrong private key with a fresh, non-stale challenge", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const response = await get(authorization(nonce, { password: "not-the-private-key" }));
    expect(response.status).toBe(401);
    expect(parseChallenge(response.headers.get("www-authenticate"))["stale"]).toBe("false");
    expect(atlas.stats.authFailures).toBe(1);
  });

  it("rejects an unknown public key", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const response = await get(authorization(nonce, { username: "nobodyxx" }));
    expect(response.status).toBe(401);
  });

  it("answers stale=true to a correct digest on an expired nonce, then accepts the new nonce", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    clock.advance(60_001);
    const stale = await get(authorization(nonce));
    expect(stale.status).toBe(401);
    const challenge = parseChallenge(stale.headers.get("www-authenticate"));
    expect(challenge["stale"]).toBe("true");
    expect(challenge["nonce"]).not.toBe(nonce);
    expect(atlas.stats.staleNonces).toBe(1);

    expect((await get(authorization(challenge["nonce"] ?? ""))).status).toBe(200);
  });

  it("keeps a nonce valid until its lifetime is over", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    clock.advance(60_000);
    expect((await get(authorization(nonce))).status).toBe(200);
  });

  it("does not call a wrong password on an expired nonce stale", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    clock.advance(120_000);
    const response = await get(authorization(nonce, { password: "wrong" }));
    expect(parseChallenge(response.headers.get("www-authenticate"))["stale"]).toBe("false");
    expect(atlas.stats.staleNonces).toBe(0);
  });

  it.each([
    ["the same nc again", [1, 1]],
    ["an nc used two requests earlier", [3, 5, 3]],
  ] as const)("rejects %s on one nonce as a replay", async (_name, counts) => {
    const nonce = await fetchNonce(atlas.url, PATH);
    for (const nc of counts.slice(0, -1)) expect((await get(authorization(nonce, { nc }))).status).toBe(200);
    const replay = await get(authorization(nonce, { nc: counts.at(-1)! }));
    expect(replay.status).toBe(401);
    expect(atlas.stats.replaysRejected).toBe(1);
  });

  it("accepts a lower nc never used before, as concurrent requests signed in order may arrive out of order", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    expect((await get(authorization(nonce, { nc: 5 }))).status).toBe(200);
    expect((await get(authorization(nonce, { nc: 3 }))).status).toBe(200);
    expect(atlas.stats.replaysRejected).toBe(0);
  });

  it("rejects a replay of the exact same Authorization header", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const header = authorization(nonce);
    expect((await get(header)).status).toBe(200);
    expect((await get(header)).status).toBe(401);
    expect(atlas.stats.replaysRejected).toBe(1);
  });

  it("rejects a nonce it did not issue", async () => {
    const forged = Buffer.alloc(32, 7).toString("base64");
    const response = await get(authorization(forged));
    expect(response.status).toBe(401);
    expect(parseChallenge(response.headers.get("www-authenticate"))["stale"]).toBe("false");
  });

  it("rejects a digest computed for another URI", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const response = await get(authorization(nonce, { uri: `${PATH}?pretty=true` }));
    expect(response.status).toBe(401);
  });

  it("rejects a digest computed for another realm", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const response = await get(authorization(nonce, { realm: "Some Other Realm" }));
    expect(response.status).toBe(401);
  });

  it("rejects a digest without qop (RFC 2069 style), which Atlas does not accept", async () => {
    const nonce = await fetchNonce(atlas.url, PATH);
    const legacy = authorization(nonce).replace(/, qop=auth, nc=\w+, cnonce="\w+"/, "");
    expect((await get(legacy)).status).toBe(401);
  });

  it("rejects Basic credentials on the API with a Digest challenge", async () => {
    const basic = `Basic ${Buffer.from(`${KEY.publicKey}:${KEY.privateKey}`).toString("base64")}`;
    const response = await get(basic);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Digest /);
  });

  it("checks credentials before path parameters, like Atlas", async () => {
    const response = await get(undefined, "/api/atlas/v2/groups/not-hex/clusters/Cluster0/backup/exports/x");
    expect(response.status).toBe(401);
  });
});
