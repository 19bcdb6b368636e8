import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, startMockAtlas, type MockAtlas, type MockAtlasOptions } from "../src/index.js";
import { ATLAS_ACCEPT, DOCUMENTED_REF, basic, jobPath, mintToken, requestToken } from "./helpers.js";

const SA = { clientId: "mdb_sa_id_0123456789abcdef01234567", clientSecret: "mdb_sa_sk_s3cret" };
const OTHER = { clientId: "mdb_sa_id_fedcba9876543210fedcba98", clientSecret: "mdb_sa_sk_other" };

let atlas: MockAtlas | undefined;
afterEach(() => atlas?.close());

async function start(options: MockAtlasOptions = {}): Promise<MockAtlas> {
  atlas = await startMockAtlas({ serviceAccounts: [SA, OTHER], ...options });
  return atlas;
}

const getJob = (url: string, token: string) =>
  fetch(url + jobPath(DOCUMENTED_REF), { headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` } });

function revoke(url: string, account: typeof SA, token: string) {
  return fetch(`${url}/api/oauth/revoke`, {
    method: "POST",
    headers: {
      authorization: basic(account.clientId, account.clientSecret),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
  });
}

describe("POST /api/oauth/token", () => {
  it("mints a one-hour bearer token for Basic client credentials", async () => {
    const { url, stats } = await start();
    const response = await requestToken(url, SA.clientId, SA.clientSecret);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600 });
    expect(stats.tokensMinted).toBe(1);
  });

  it.each([
    ["a wrong secret", basic(SA.clientId, "wrong"), 401, "invalid_client"],
    ["an unknown client id", basic("mdb_sa_id_nobody", SA.clientSecret), 401, "invalid_client"],
    ["no Authorization header", undefined, 401, "invalid_client"],
  ])("rejects %s", async (_name, authorization, status, error) => {
    const { url, stats } = await start();
    const response = await fetch(`${url}/api/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: "grant_type=client_credentials",
    });
    expect(response.status).toBe(status);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(await response.json()).toMatchObject({ error, error_description: expect.any(String) });
    expect(stats.tokensMinted).toBe(0);
  });

  it.each([
    ["sent as is (like curl --user)", (secret: string) => secret],
    ["form-encoded first (RFC 6749 §2.3.1)", (secret: string) => encodeURIComponent(secret)],
  ])("accepts a secret with '+' and '%%' %s", async (_name, encode) => {
    const odd = { clientId: "mdb_sa_id_odd", clientSecret: "a+b%c/d=" };
    const { url } = await start({ serviceAccounts: [odd] });
    const response = await requestToken(url, odd.clientId, encode(odd.clientSecret));
    expect(response.status).toBe(200);
  });

  it("rejects a grant type other than client_credentials", async () => {
    const { url } = await start();
    const response = await requestToken(url, SA.clientId, SA.clientSecret, "grant_type=password");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("rejects a JSON body: the endpoint takes a form", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/oauth/token`, {
      method: "POST",
      headers: { authorization: basic(SA.clientId, SA.clientSecret), "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_request" });
  });

  it("answers 405 to GET", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/oauth/token`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("allows 10 token requests a minute per client, then answers 429 with Retry-After", async () => {
    const clock = createManualClock();
    const { url, stats } = await start({ clock });
    for (let i = 0; i < 10; i += 1) await mintToken(url, SA.clientId, SA.clientSecret);
    clock.advance(15_000);
    const limited = await requestToken(url, SA.clientId, SA.clientSecret);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
    expect(await limited.json()).toMatchObject({ error: "too_many_requests" });
    expect(stats.rateLimited).toBe(1);

    // Another client has its own budget; the limited one gets a new one after the window.
    expect((await requestToken(url, OTHER.clientId, OTHER.clientSecret)).status).toBe(200);
    clock.advance(45_000);
    expect((await requestToken(url, SA.clientId, SA.clientSecret)).status).toBe(200);
  });

  // 101 sequential requests: allow for a loaded CI machine (the test waits for answers, not for time).
  it(
    "refuses a 101st live token with 403 access_denied, and mints again once one is revoked",
    { timeout: 20_000 },
    async () => {
      const { url } = await start({ tokenRateLimit: false });
      const tokens: string[] = [];
      for (let i = 0; i < 100; i += 1) tokens.push(await mintToken(url, SA.clientId, SA.clientSecret));
      const refused = await requestToken(url, SA.clientId, SA.clientSecret);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "access_denied" });

      expect((await revoke(url, SA, tokens[0] ?? "")).status).toBe(200);
      expect((await requestToken(url, SA.clientId, SA.clientSecret)).status).toBe(200);
    },
  );

  it("counts only live tokens towards the cap: expired ones free their place", async () => {
    const clock = createManualClock();
    const { url } = await start({ clock, tokenRateLimit: false, maxLiveTokens: 2 });
    await mintToken(url, SA.clientId, SA.clientSecret);
    await mintToken(url, SA.clientId, SA.clientSecret);
    expect((await requestToken(url, SA.clientId, SA.clientSecret)).status).toBe(403);
    clock.advance(3_600_000);
    expect((await requestToken(url, SA.clientId, SA.clientSecret)).status).toBe(200);
  });
});

describe("bearer tokens on the API", () => {
  it("serves the job to a fresh token", async () => {
    const { url, stats } = await start();
    const response = await getJob(url, await mintToken(url, SA.clientId, SA.clientSecret));
    expect(response.status).toBe(200);
    expect(stats.bearerAuthenticated).toBe(1);
  });

  it("serves the job until the token's 3600 s are over, then answers 401 invalid_token", async () => {
    const clock = createManualClock();
    const { url, stats } = await start({ clock });
    const token = await mintToken(url, SA.clientId, SA.clientSecret);
    clock.advance(3_599_999);
    expect((await getJob(url, token)).status).toBe(200);
    clock.advance(1);
    const expired = await getJob(url, token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
    expect(await expired.json()).toMatchObject({
      error: 401,
      errorCode: "UNAUTHORIZED",
      detail: expect.stringMatching(/expired/),
    });
    expect(stats.authFailures).toBe(1);
  });

  it("rejects a token it never issued", async () => {
    const { url } = await start();
    const response = await getJob(url, "made-up-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ detail: expect.stringMatching(/not valid/) });
  });

  it("revokes a token: 200, counted, and the token no longer works", async () => {
    const { url, stats } = await start();
    const token = await mintToken(url, SA.clientId, SA.clientSecret);
    const response = await revoke(url, SA, token);
    expect(response.status).toBe(200);
    expect(stats.tokensRevoked).toBe(1);
    const rejected = await getJob(url, token);
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toMatchObject({ detail: expect.stringMatching(/revoked/) });
  });

  it("answers 200 to revoking an unknown token without counting it (RFC 7009)", async () => {
    const { url, stats } = await start();
    expect((await revoke(url, SA, "never-issued")).status).toBe(200);
    expect(stats.tokensRevoked).toBe(0);
  });

  it("refuses to revoke another client's token", async () => {
    const { url } = await start();
    const token = await mintToken(url, SA.clientId, SA.clientSecret);
    const response = await revoke(url, OTHER, token);
    expect(response.status).toBe(400);
    expect((await getJob(url, token)).status).toBe(200);
  });

  it("requires client authentication to revoke", async () => {
    const { url } = await start();
    const token = await mintToken(url, SA.clientId, SA.clientSecret);
    const response = await revoke(url, { ...SA, clientSecret: "wrong" }, token);
    expect(response.status).toBe(401);
    expect((await getJob(url, token)).status).toBe(200);
  });
});
