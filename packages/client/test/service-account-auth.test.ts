import { inspect } from "node:util";
import type { paths } from "@atlas-export/types";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AtlasAuthError,
  AtlasConnectionError,
  AtlasError,
  createAtlasClient,
  serviceAccountAuth,
} from "../src/index.js";
import { ids, job, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { TokenEndpoint } from "./support/token-endpoint.js";

const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;
const CLIENT_ID = "mdb_sa_id_65f1a2b3c4d5e6f7a8b9c0d1";
const CLIENT_SECRET = "mdb_sa_sk_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA";

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function startAtlas(expiresIn = 3600, apiDelayMs = 0) {
  const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, expiresIn });
  server = await startServer(async (request, res) => {
    if (tokens.handle(request, res)) return;
    if (apiDelayMs) await new Promise((resolve) => setTimeout(resolve, apiDelayMs));
    if (!tokens.authorized(request)) {
      sendJson(res, 401, { error: 401, errorCode: "NOT_ORG_GROUP_CREATOR", reason: "Unauthorized" });
      return;
    }
    sendJson(res, 200, job(), {}, MEDIA_TYPE);
  });
  const auth = serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const atlas = createAtlasClient({ baseUrl: server.url, auth, retry: { maxRetries: 0 } });
  const tokenRequests = () => server!.requests.filter((r) => r.url === "/api/oauth/token");
  return { tokens, auth, atlas, server, tokenRequests };
}

describe("serviceAccountAuth", () => {
  it("mints one token with client credentials exactly as Atlas expects, then reuses it", async () => {
    const { atlas, server, tokenRequests } = await startAtlas();
    for (let i = 0; i < 4; i++) await atlas.getBackupExportJob(ids);
    expect(server.requests).toHaveLength(5);
    const [mint] = tokenRequests();
    expect(mint).toMatchObject({ method: "POST", body: "grant_type=client_credentials" });
    expect(mint!.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
    );
    expect(mint!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(server.requests.slice(1).every((r) => r.headers.authorization?.startsWith("Bearer tok_"))).toBe(
      true,
    );
  });

  it("mints a single token for many concurrent first calls", async () => {
    const { atlas, tokenRequests, server } = await startAtlas();
    await Promise.all(Array.from({ length: 12 }, () => atlas.getBackupExportJob(ids)));
    expect(tokenRequests()).toHaveLength(1);
    expect(server.requests).toHaveLength(13);
  });

  it("refreshes the token shortly before expires_in runs out, not after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { atlas, tokenRequests } = await startAtlas(3600);
    await atlas.getBackupExportJob(ids);
    vi.setSystemTime(Date.now() + 3600_000 - 61_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(2);
  });

  it("refreshes a token of a few minutes 60 s before it expires too", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { atlas, tokenRequests } = await startAtlas(200);
    await atlas.getBackupExportJob(ids);
    vi.setSystemTime(Date.now() + 139_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(2);
  });

  it.each([0, 1, 60])("uses a token for at least 60 s when expires_in is %i", async (expiresIn) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { atlas, tokenRequests } = await startAtlas(expiresIn);
    for (let i = 0; i < 5; i++) await atlas.getBackupExportJob(ids);
    vi.setSystemTime(Date.now() + 59_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    await atlas.getBackupExportJob(ids);
    expect(tokenRequests()).toHaveLength(2);
  });

  it("never sends more than 10 token requests a minute, even when every token is revoked at once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { atlas, tokens, tokenRequests } = await startAtlas();
    const outcomes: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(await atlas.getBackupExportJob(ids).catch((e: unknown) => e));
      tokens.forgetAll(); // revoked elsewhere: the next call meets a 401 and re-mints
    }
    expect(tokenRequests()).toHaveLength(10);
    const refused = outcomes.filter((o) => o instanceof AtlasAuthError) as AtlasAuthError[];
    expect(refused).toHaveLength(2);
    expect(refused[0]!.message).toMatch(/10 token requests in the last minute already.*retry after \d+ s/);
    expect(refused[0]!.retryAfterMs).toBeGreaterThan(0);
    vi.setSystemTime(Date.now() + 60_000);
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(tokenRequests()).toHaveLength(11);
  });

  it("drops a token Atlas rejects with 401 and re-mints once, transparently", async () => {
    const { atlas, tokens, tokenRequests, server } = await startAtlas();
    await atlas.getBackupExportJob(ids);
    tokens.forgetAll();
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(tokenRequests()).toHaveLength(2);
    expect(server.requests.map((r) => (r.url.startsWith("/api/oauth") ? "token" : "api"))).toEqual([
      "token",
      "api",
      "api",
      "token",
      "api",
    ]);
  });

  it("re-mints only once when concurrent calls all get 401 for the same token", async () => {
    const { atlas, tokens, tokenRequests } = await startAtlas();
    await atlas.getBackupExportJob(ids);
    tokens.forgetAll();
    await Promise.all(Array.from({ length: 5 }, () => atlas.getBackupExportJob(ids)));
    expect(tokenRequests()).toHaveLength(2);
  });

  it("gives up with AtlasAuthError when a freshly minted token is rejected too", async () => {
    const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    server = await startServer((request, res) => {
      if (tokens.handle(request, res)) return;
      sendJson(res, 401, { error: 401, errorCode: "IP_ADDRESS_NOT_ON_ACCESS_LIST", reason: "Unauthorized" });
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as AtlasAuthError).errorCode).toBe("IP_ADDRESS_NOT_ON_ACCESS_LIST");
    expect(server.requests).toHaveLength(4);
    // The account lacks access, the token is fine: later calls do not mint again (10 a minute, 100 live).
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    expect(server.requests).toHaveLength(6);
    expect(tokens.minted).toBe(2);
  });

  it("trusts a suspect token again once Atlas accepts it (access was granted meanwhile)", async () => {
    const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    let granted = false;
    server = await startServer((request, res) => {
      if (tokens.handle(request, res)) return;
      if (granted && tokens.authorized(request)) sendJson(res, 200, job(), {}, MEDIA_TYPE);
      else sendJson(res, 401, { error: 401, errorCode: "UNAUTHORIZED", reason: "Unauthorized" });
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    });
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    granted = true;
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    tokens.forgetAll(); // now a 401 means the token was revoked: re-mint once, transparently
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(tokens.minted).toBe(3);
  });

  it.each([
    [
      "401 invalid_client",
      401,
      { error: "invalid_client", error_description: "bad secret" },
      {},
      /401 invalid_client: bad secret — check clientId and clientSecret/,
    ],
    ["400 invalid_request", 400, { error: "invalid_request" }, {}, /400 invalid_request/],
    ["403 access_denied", 403, { error: "access_denied" }, {}, /100 live tokens/],
    [
      "429 with Retry-After",
      429,
      { error: "rate_limited" },
      { "Retry-After": "42" },
      /10 requests a minute; retry after 42 s/,
    ],
    [
      "503 with an HTML body",
      503,
      "<html>down</html>",
      { "Content-Type": "text/html" },
      /503 response is not an OAuth error.*try again later/,
    ],
    [
      "200 that is not JSON",
      200,
      "not json",
      { "Content-Type": "text/plain" },
      /200 unusable token response/,
    ],
    ["200 without access_token", 200, { token_type: "Bearer" }, {}, /200 unusable token response/],
  ] as const)(
    "turns a token endpoint %s into a clear AtlasAuthError",
    async (_name, status, body, headers, message) => {
      const { atlas, tokens, server } = await startAtlas();
      tokens.failures.push((res) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(typeof body === "string" ? body : JSON.stringify(body));
      });
      const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasAuthError);
      expect((error as AtlasAuthError).status).toBe(status);
      expect((error as Error).message).toMatch(message);
      if ("Retry-After" in headers) expect((error as AtlasAuthError).retryAfterMs).toBe(42_000);
      expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(CLIENT_SECRET);
      expect(server.requests).toHaveLength(1);
    },
  );

  it("does not cache a failed mint: the next call asks again", async () => {
    const { atlas, tokens, tokenRequests } = await startAtlas();
    tokens.failures.push((res) => sendJson(res, 500, { error: "server_error" }));
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(tokenRequests()).toHaveLength(2);
  });

  /** A client of the running test server that retries twice, after 1 ms. */
  const withRetries = () =>
    createAtlasClient({
      baseUrl: server!.url,
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
      retry: { maxRetries: 2, initialDelayMs: 1 },
    });

  it("does not retry a token endpoint's error answer, even with retries on", async () => {
    const { tokens, tokenRequests } = await startAtlas();
    const atlas = withRetries();
    tokens.failures.push((res) => sendJson(res, 503, { error: "temporarily_unavailable" }));
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("retries a call whose token request lost its connection, as any failed attempt", async () => {
    const { tokens, tokenRequests } = await startAtlas();
    const atlas = withRetries();
    tokens.failures.push((res) => res.socket?.destroy());
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(tokenRequests()).toHaveLength(2);
  });

  it("reports an unreachable token endpoint as AtlasConnectionError", async () => {
    const atlas = createAtlasClient({
      baseUrl: "http://127.0.0.1:1",
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
      retry: { maxRetries: 0 },
    });
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasConnectionError);
  });

  it("revokes the cached token on close() with the documented body, then refuses calls without minting", async () => {
    const { atlas, tokens, server, tokenRequests } = await startAtlas();
    await atlas.getBackupExportJob(ids);
    const [token] = tokens.live;
    await atlas.close();
    const revoke = server.requests.find((r) => r.url === "/api/oauth/revoke");
    expect(new URLSearchParams(revoke!.body).get("token")).toBe(token);
    expect(new URLSearchParams(revoke!.body).get("token_type_hint")).toBe("access_token");
    expect(revoke!.headers.authorization).toMatch(/^Basic /);
    expect(tokens.revoked).toEqual([token]);
    await atlas.close(); // nothing cached any more: no second revoke
    expect(tokens.revoked).toHaveLength(1);
    const requestsBefore = server.requests.length;
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as Error).message).toMatch(/closed/);
    await expect(atlas.api.GET(JOB, { params: { path: ids } })).rejects.toThrow(/closed/);
    expect(server.requests).toHaveLength(requestsBefore);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("revokes a token that a call in flight was minting when close() came, and that call mints no other", async () => {
    const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    let release!: () => void;
    const tokenHeld = new Promise<void>((resolve) => (release = resolve));
    let tokenRequested!: () => void;
    const tokenRequestArrived = new Promise<void>((resolve) => (tokenRequested = resolve));
    server = await startServer(async (request, res) => {
      if (request.url === "/api/oauth/token") {
        tokenRequested();
        await tokenHeld;
      }
      if (tokens.handle(request, res)) return;
      if (tokens.authorized(request)) sendJson(res, 200, job(), {}, MEDIA_TYPE);
      else sendJson(res, 401, { error: 401, errorCode: "UNAUTHORIZED" });
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    });
    const inFlight = atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    await tokenRequestArrived;
    const closing = atlas.close();
    release();
    await closing;
    const error = await inFlight;
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as Error).message).toMatch(/closed/);
    expect(tokens.minted).toBe(1);
    expect(tokens.revoked).toHaveLength(1);
    expect(tokens.live.size).toBe(0);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/oauth/token", "/api/oauth/revoke"]);
  });

  it("ends a call in flight whose token Atlas rejects after close() without minting another", async () => {
    const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    let release!: () => void;
    const apiHeld = new Promise<void>((resolve) => (release = resolve));
    let apiRequested!: () => void;
    const apiRequestArrived = new Promise<void>((resolve) => (apiRequested = resolve));
    server = await startServer(async (request, res) => {
      if (tokens.handle(request, res)) return;
      apiRequested();
      await apiHeld; // answers only after close() has revoked the token: a 401
      if (tokens.authorized(request)) sendJson(res, 200, job(), {}, MEDIA_TYPE);
      else sendJson(res, 401, { error: 401, errorCode: "UNAUTHORIZED" });
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    });
    const inFlight = atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    await apiRequestArrived;
    await atlas.close();
    release();
    expect(await inFlight).toBeInstanceOf(AtlasError);
    expect(tokens.minted).toBe(1);
    expect(tokens.live.size).toBe(0);
  });

  it("refuses calls on a user's own openapi-fetch client once the middleware is closed", async () => {
    const { server, tokenRequests } = await startAtlas();
    const client = createClient<paths>({ baseUrl: server.url, headers: { Accept: MEDIA_TYPE } });
    const auth = serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    client.use(auth);
    await client.GET(JOB, { params: { path: ids } });
    await auth.close();
    await expect(client.GET(JOB, { params: { path: ids } })).rejects.toThrow(/serviceAccountAuth: closed/);
    expect(tokenRequests()).toHaveLength(1);
  });

  it("uses tokenUrl and revokeUrl when given", async () => {
    const tokens = new TokenEndpoint({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const idp = await startServer((request, res) => {
      request.url = request.url.replace("/custom", "/api/oauth");
      tokens.handle(request, res);
    });
    server = await startServer((request, res) =>
      tokens.authorized(request) ? sendJson(res, 200, job(), {}, MEDIA_TYPE) : sendJson(res, 401, {}),
    );
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: serviceAccountAuth({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: `${idp.url}/custom/token`,
        revokeUrl: `${idp.url}/custom/revoke`,
      }),
    });
    await atlas.getBackupExportJob(ids);
    await atlas.close();
    expect(idp.requests.map((r) => r.url)).toEqual(["/api/oauth/token", "/api/oauth/revoke"]);
    await idp.close();
  });

  it("works as plain middleware on any openapi-fetch client, taking the token URL from its baseUrl", async () => {
    const { server, tokenRequests } = await startAtlas();
    const client = createClient<paths>({ baseUrl: server.url, headers: { Accept: MEDIA_TYPE } });
    client.use(serviceAccountAuth({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }));
    const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
    const { data } = await client.GET(path, { params: { path: ids } });
    expect(data?.id).toBe(ids.exportId);
    expect(tokenRequests()).toHaveLength(1);
  });

  it.each([
    ["an empty client id", { clientId: "", clientSecret: "s" }, /clientId/],
    ["a missing client secret", { clientId: "i" }, /clientSecret/],
    [
      "a relative tokenUrl",
      { clientId: "i", clientSecret: "s", tokenUrl: "/api/oauth/token" },
      /tokenUrl.*absolute URL/,
    ],
  ])("rejects %s when created", (_name, options, message) => {
    expect(() => serviceAccountAuth(options as never)).toThrow(message);
  });

  it("never shows the client secret or the token in inspect or JSON.stringify", async () => {
    const { atlas, auth, tokens } = await startAtlas();
    await atlas.getBackupExportJob(ids);
    const [token] = tokens.live;
    for (const shown of [
      inspect(auth, { depth: 10, showHidden: true }),
      JSON.stringify(auth),
      inspect(atlas, { depth: 10 }),
    ]) {
      expect(shown).not.toContain(CLIENT_SECRET);
      expect(shown).not.toContain(token);
    }
  });
});
