import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import {
  AtlasApiError,
  AtlasValidationError,
  CLIENT_VERSION,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
} from "../src/index.js";
import { ids, job, jobPath, jsonResponse, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof startServer>) {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

describe("createAtlasClient", () => {
  it("sends the versioned Accept header and the atlas-export User-Agent with its suffix", async () => {
    const server = await serve((_request, res) => sendJson(res, 200, job(), {}, MEDIA_TYPE));
    await createAtlasClient({ baseUrl: `${server.url}/`, userAgent: "backup-bot/1.2" }).getBackupExportJob(
      ids,
    );
    const [request] = server.requests;
    expect(request!.url).toBe(jobPath);
    expect(request!.headers.accept).toBe("application/vnd.atlas.2023-01-01+json");
    expect(request!.headers["user-agent"]).toBe(
      `atlas-export/${CLIENT_VERSION} (node ${process.versions.node}; ${process.platform}; ${process.arch}) backup-bot/1.2`,
    );
    expect(CLIENT_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("talks to https://cloud.mongodb.com by default", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    await createAtlasClient({ fetch }).getBackupExportJob(ids);
    expect(requests[0]!.url).toBe(`https://cloud.mongodb.com${jobPath}`);
  });

  it("exposes the typed openapi-fetch client as api, with the client's headers", async () => {
    const server = await serve((_request, res) => sendJson(res, 200, job(), {}, MEDIA_TYPE));
    const atlas = createAtlasClient({ baseUrl: server.url });
    const { data } = await atlas.api.GET(
      "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
      { params: { path: ids } },
    );
    expect(data?.exportBucketId).toBe(job().exportBucketId);
    expect(server.requests[0]!.headers["user-agent"]).toMatch(/^atlas-export\//);
  });

  it("attaches middleware registered on api, in order, and detaches ejected ones", async () => {
    const server = await serve((request, res) => sendJson(res, 200, { seen: request.headers["x-trace"] }));
    const atlas = createAtlasClient({ baseUrl: server.url });
    const tag = (value: string): Middleware => ({
      onRequest({ request }) {
        request.headers.set("X-Trace", [request.headers.get("X-Trace"), value].filter(Boolean).join(","));
        return request;
      },
    });
    const first = tag("first");
    const dropped = tag("dropped");
    atlas.api.use(first, dropped, tag("second"));
    atlas.api.eject(dropped);
    const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;
    const { data } = await atlas.api.GET(path, { params: { path: ids } });
    expect(data).toEqual({ seen: "first,second" });
    atlas.api.eject(first);
    const again = await atlas.api.GET(path, { params: { path: ids } });
    expect(again.data).toEqual({ seen: "second" });
  });

  it.each([
    ["a negative timeoutMs", { timeoutMs: -1 }, /timeoutMs/],
    ["a fractional maxRetries", { retry: { maxRetries: 1.5 } }, /retry\.maxRetries/],
    ["a relative baseUrl", { baseUrl: "cloud.mongodb.com" }, /baseUrl/],
    ["a non-function fetch", { fetch: "fetch" }, /fetch/],
    ["auth that is not middleware", { auth: { publicKey: "p", privateKey: "k" } }, /auth.*digestAuth/],
    ["a userAgent with a line break", { userAgent: "bot\r\nX-Injected: 1" }, /userAgent/],
  ])("rejects %s at once, naming the option", (_name, options, message) => {
    expect(() => createAtlasClient(options as never)).toThrow(AtlasValidationError);
    expect(() => createAtlasClient(options as never)).toThrow(message);
  });
});

describe("input validation", () => {
  it.each([
    ["groupId", "../../../admin", "minLength 24"],
    ["groupId", "32b6e34b3d91647abb20e7b/", "pattern ^([a-f0-9]{24})$"],
    ["groupId", "32B6E34B3D91647ABB20E7B8", "pattern ^([a-f0-9]{24})$"],
    ["clusterName", "Cluster0/../../x", "pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$"],
    ["clusterName", "Cluster0?envelope=true", "pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$"],
    ["clusterName", "Cluster0#frag", "pattern ^[a-zA-Z0-9][a-zA-Z0-9-]*$"],
    ["clusterName", "", "minLength 1"],
    ["clusterName", "c".repeat(65), "maxLength 64"],
    ["exportId", "%2e%2e", "pattern ^([a-f0-9]{24})$"],
    ["exportId", "%2e%2e%2f%2e%2e%2fadmin%2e%2e%2f%2e%2e", "pattern ^([a-f0-9]{24})$"],
  ])("rejects %s %j before any request, naming the rule", async (parameter, value, rule) => {
    const { fetch, requests } = scriptedFetch([]);
    const error = await createAtlasClient({ fetch })
      .getBackupExportJob({ ...ids, [parameter]: value })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect(error).toMatchObject({ parameter, rule });
    expect((error as Error).message).toContain(parameter);
    expect((error as Error).message).toContain(rule);
    expect(requests).toHaveLength(0);
  });

  it("truncates a long value in the message", async () => {
    const error = await createAtlasClient({ fetch: scriptedFetch([]).fetch })
      .getBackupExportJob({ ...ids, clusterName: `x${"/".repeat(500)}` })
      .catch((e: unknown) => e);
    expect((error as Error).message.length).toBeLessThan(200);
  });

  it("validates and percent-encodes path parameters on api too", async () => {
    const { fetch, requests } = scriptedFetch([]);
    const atlas = createAtlasClient({ fetch });
    await expect(
      atlas.api.GET("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}", {
        params: { path: { ...ids, clusterName: ".." } },
      }),
    ).rejects.toBeInstanceOf(AtlasValidationError);
    expect(requests).toHaveLength(0);
  });
});

describe("transport security", () => {
  it("never follows a redirect, so credentials cannot travel to another origin", async () => {
    const elsewhere = await serve((_request, res) => sendJson(res, 200, job()));
    const server = await serve((_request, res) => {
      res.writeHead(302, { Location: `${elsewhere.url}/steal` }).end();
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: digestAuth({ publicKey: "p", privateKey: "k" }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect((error as Error).message).toMatch(
      /^302 REDIRECT: Atlas redirected to http:\/\/127\.0\.0\.1:\d+; redirects are not followed/,
    );
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("refuses credentials over http:// to a host that is not loopback", () => {
    expect(() =>
      createAtlasClient({
        baseUrl: "http://atlas.internal",
        auth: digestAuth({ publicKey: "p", privateKey: "k" }),
      }),
    ).toThrow(/allowInsecureHttp/);
  });

  it("allows http:// without credentials, and with them when allowInsecureHttp is set", async () => {
    const plain = scriptedFetch([jsonResponse(200, job())]);
    await createAtlasClient({ baseUrl: "http://atlas.internal", fetch: plain.fetch }).getBackupExportJob(ids);
    const insecure = scriptedFetch([
      jsonResponse(200, { access_token: "t", token_type: "Bearer", expires_in: 3600 }),
      jsonResponse(200, job()),
    ]);
    const atlas = createAtlasClient({
      baseUrl: "http://atlas.internal",
      fetch: insecure.fetch,
      allowInsecureHttp: true,
      auth: serviceAccountAuth({ clientId: "id", clientSecret: "secret", allowInsecureHttp: true }),
    });
    await atlas.getBackupExportJob(ids);
    expect(insecure.requests.map((r) => r.url)).toEqual([
      "http://atlas.internal/api/oauth/token",
      `http://atlas.internal${jobPath}`,
    ]);
    expect(insecure.requests[1]!.headers.get("authorization")).toBe("Bearer t");
  });

  it("lets the auth middleware refuse http:// on its own unless it was created with allowInsecureHttp", async () => {
    const { fetch, requests } = scriptedFetch([jsonResponse(200, job())]);
    const atlas = createAtlasClient({
      baseUrl: "http://atlas.internal",
      fetch,
      allowInsecureHttp: true,
      auth: digestAuth({ publicKey: "p", privateKey: "k" }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect((error as Error).message).toMatch(
      /^digestAuth: refusing to send credentials over http:.*allowInsecureHttp: true/,
    );
    expect(requests).toHaveLength(0);
  });

  it("accepts every loopback spelling over http://", () => {
    for (const host of ["127.0.0.1", "127.8.9.10", "localhost", "[::1]", "api.localhost"]) {
      expect(() =>
        createAtlasClient({
          baseUrl: `http://${host}:8080`,
          auth: digestAuth({ publicKey: "p", privateKey: "k" }),
        }),
      ).not.toThrow();
    }
  });
});

describe("validateResponses", () => {
  it("rejects a job that breaks the schema, naming the JSON pointer", async () => {
    const { fetch } = scriptedFetch([jsonResponse(200, job({ state: "Done" as never }))]);
    const error = await createAtlasClient({ fetch, validateResponses: true })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect(error).toMatchObject({ parameter: "/state", rule: "enum" });
    expect((error as Error).message).toMatch(/at \/state: must be equal to one of the allowed values/);
  });

  it("names nested pointers too", async () => {
    const bad = job({ exportStatus: { exportedCollections: 1, totalCollections: "4" as never } });
    const { fetch } = scriptedFetch([jsonResponse(200, bad)]);
    await expect(
      createAtlasClient({ fetch, validateResponses: true }).getBackupExportJob(ids),
    ).rejects.toMatchObject({
      parameter: "/exportStatus/totalCollections",
    });
  });

  it("accepts a valid job, and is off by default", async () => {
    const valid = scriptedFetch([jsonResponse(200, job())]);
    await expect(
      createAtlasClient({ fetch: valid.fetch, validateResponses: true }).getBackupExportJob(ids),
    ).resolves.toEqual(job());
    const invalid = scriptedFetch([jsonResponse(200, job({ state: "Done" as never }))]);
    await expect(createAtlasClient({ fetch: invalid.fetch }).getBackupExportJob(ids)).resolves.toMatchObject({
      state: "Done",
    });
  });
});

describe("createAtlasClient.fromEnv", () => {
  const sa = { MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id_x", MONGODB_ATLAS_CLIENT_SECRET: "mdb_sa_sk_y" };
  const key = { MONGODB_ATLAS_PUBLIC_API_KEY: "pub", MONGODB_ATLAS_PRIVATE_API_KEY: "priv" };

  it.each([
    ["nothing", {}, /no credentials: set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET/],
    ["only a client id", { MONGODB_ATLAS_CLIENT_ID: "x" }, /MONGODB_ATLAS_CLIENT_SECRET is not set/],
    ["only a private key", { MONGODB_ATLAS_PRIVATE_API_KEY: "x" }, /MONGODB_ATLAS_PUBLIC_API_KEY is not set/],
    [
      "a blank secret",
      { MONGODB_ATLAS_CLIENT_ID: "x", MONGODB_ATLAS_CLIENT_SECRET: "  " },
      /MONGODB_ATLAS_CLIENT_SECRET is not set/,
    ],
  ])("says which variables are missing when given %s", (_name, env, message) => {
    expect(() => createAtlasClient.fromEnv({ env })).toThrow(message);
  });

  it("uses the service account and MONGODB_ATLAS_BASE_URL", async () => {
    const { fetch, requests } = scriptedFetch([
      jsonResponse(200, { access_token: "t", token_type: "Bearer", expires_in: 3600 }),
      jsonResponse(200, job()),
    ]);
    const atlas = createAtlasClient.fromEnv({
      env: { ...sa, ...key, MONGODB_ATLAS_BASE_URL: "https://atlas.example.com/" },
      fetch,
    });
    await atlas.getBackupExportJob(ids);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(["/api/oauth/token", jobPath]);
    expect(requests[0]!.url.startsWith("https://atlas.example.com/")).toBe(true);
  });

  it("uses the API key with digest when no service account is set", async () => {
    const { fetch, requests } = scriptedFetch([
      new Response("", {
        status: 401,
        headers: { "WWW-Authenticate": 'Digest realm="MMS Public API", nonce="n1", qop="auth"' },
      }),
      jsonResponse(200, job()),
    ]);
    await createAtlasClient.fromEnv({ env: key, fetch }).getBackupExportJob(ids);
    expect(requests[1]!.headers.get("authorization")).toMatch(/^Digest username="pub"/);
  });
});
