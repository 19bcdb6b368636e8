import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import {
  AtlasConnectionError,
  AtlasTimeoutError,
  createAtlasClient,
  digestAuth,
  type AtlasClientOptions,
} from "../src/index.js";
import { DigestVerifier } from "./support/digest-verifier.js";
import { ids, job, jobPath, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";

const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;
const fast = { initialDelayMs: 1, maxDelayMs: 1 };

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

/** A server that answers each request with the next status of `statuses` (then 200 with a job). */
async function scripted(statuses: (number | [number, Record<string, string>] | "hang" | "reset")[]) {
  return serve((_request, res) => {
    const next = statuses.shift() ?? 200;
    if (next === "hang") return;
    if (next === "reset") {
      res.socket?.destroy();
      return;
    }
    const [status, headers] = Array.isArray(next) ? next : [next, {}];
    if (status === 200) sendJson(res, 200, job(), headers, MEDIA_TYPE);
    else sendJson(res, status, { error: status, errorCode: "X", reason: "x" }, headers);
  });
}

/** A `fetch` that records every request the client sends (whether or not it reaches the server in time). */
function counting() {
  const sent: Request[] = [];
  const fetch = (request: Request) => {
    sent.push(request);
    return globalThis.fetch(request);
  };
  return { fetch, sent };
}

/** Sends `method` to the job path through `atlas.api`, as a write operation would. */
function send(atlas: ReturnType<typeof createAtlasClient>, method: string) {
  return atlas.api.request(method.toLowerCase() as "get", JOB, {
    params: { path: ids },
    ...(method === "POST" || method === "PATCH" ? { body: { snapshotId: "s" } } : {}),
  } as never);
}

describe("middleware on atlas.api", () => {
  function observer() {
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return undefined;
      },
      onResponse({ response }) {
        seen.push(String(response.status));
        return undefined;
      },
    };
    return { seen, middleware };
  }

  async function digestServer() {
    const verifier = new DigestVerifier({ username: "public", password: "private-key" });
    return serve((request, res) => {
      if (verifier.verify(request) !== "ok") {
        res.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
        return;
      }
      sendJson(res, 200, job(), {}, MEDIA_TYPE);
    });
  }

  it.each<
    [
      string,
      (mw: Middleware) => Partial<AtlasClientOptions>,
      (atlas: ReturnType<typeof createAtlasClient>, mw: Middleware) => void,
    ]
  >([
    ["atlas.api.use(mw)", () => ({}), (atlas, mw) => atlas.api.use(mw)],
    ["the middleware option", (mw) => ({ middleware: [mw] }), () => undefined],
  ])(
    "sees every getBackupExportJob request and its final answer when added with %s",
    async (_name, option, add) => {
      const server = await digestServer();
      const { seen, middleware } = observer();
      const atlas = createAtlasClient({
        baseUrl: server.url,
        auth: digestAuth({ publicKey: "public", privateKey: "private-key" }),
        ...option(middleware),
      });
      add(atlas, middleware);
      await atlas.getBackupExportJob(ids);
      await atlas.getBackupExportJob(ids);
      // The auth runs nearest the wire: the middleware sees the answer after the challenge, not the 401.
      expect(seen).toEqual([`GET ${jobPath}`, "200", `GET ${jobPath}`, "200"]);
      expect(server.requests).toHaveLength(3);
    },
  );

  it("sees each retry as a request of its own", async () => {
    const server = await scripted([503, 200]);
    const { seen, middleware } = observer();
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast, middleware: [middleware] });
    await atlas.getBackupExportJob(ids);
    expect(seen).toEqual([`GET ${jobPath}`, "503", `GET ${jobPath}`, "200"]);
  });
});

describe("atlas.api", () => {
  it("retries a GET like the named methods and returns openapi-fetch's { data, response }", async () => {
    const server = await scripted([503, 502, 200]);
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast });
    const { data, error, response } = await atlas.api.GET(JOB, { params: { path: ids } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(job());
    expect(server.requests).toHaveLength(3);
  });

  it("returns the last error answer as { error, response } once the retries run out", async () => {
    const server = await scripted([503, 503, 503]);
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast });
    const { data, error, response } = await atlas.api.GET(JOB, { params: { path: ids } });
    expect(response.status).toBe(503);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ errorCode: "X" });
    expect(server.requests).toHaveLength(3);
  });

  it("times out each attempt of a GET and retries it", async () => {
    const server = await scripted(["hang", "hang"]);
    const { fetch, sent } = counting();
    const atlas = createAtlasClient({
      baseUrl: server.url,
      fetch,
      timeoutMs: 50,
      retry: { ...fast, maxRetries: 1 },
    });
    const error = await atlas.api.GET(JOB, { params: { path: ids } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasTimeoutError);
    expect(sent).toHaveLength(2);
  });

  it("signs a POST with digest (method and URI in HA2) and re-sends its body intact after the challenge", async () => {
    const verifier = new DigestVerifier({ username: "public", password: "private-key" });
    const server = await serve((request, res) => {
      if (verifier.verify(request) !== "ok") {
        res.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
        return;
      }
      sendJson(res, 200, { method: request.method, body: JSON.parse(request.body) as unknown });
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: digestAuth({ publicKey: "public", privateKey: "private-key" }),
    });
    const first = await send(atlas, "POST");
    const second = await send(atlas, "POST");
    expect(first.data).toEqual({ method: "POST", body: { snapshotId: "s" } });
    expect(second.data).toEqual({ method: "POST", body: { snapshotId: "s" } });
    expect(server.requests.map((r) => r.body)).toEqual(Array(3).fill('{"snapshotId":"s"}'));
    expect(verifier.rejections).toEqual(["no digest credentials"]);
  });
});

describe("method-aware retries (a server that counts requests)", () => {
  it.each([
    ["GET", 500, 3],
    ["GET", 503, 3],
    ["DELETE", 502, 3],
    ["POST", 500, 1],
    ["POST", 502, 1],
    ["POST", 503, 1],
    ["PATCH", 504, 1],
    ["POST", 408, 1],
  ] as const)("sends a %s answered %i %i time(s)", async (method, status, want) => {
    const server = await scripted([status, status, status]);
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast });
    const { response } = await send(atlas, method);
    expect(response.status).toBe(status);
    expect(server.requests).toHaveLength(want);
  });

  it.each([
    ["a 429", [429]],
    ["a 429 with Retry-After", [[429, { "Retry-After": "0" }]]],
    ["a 503 with Retry-After", [[503, { "Retry-After": "0" }]]],
  ] as const)("retries a POST after %s, which proves nothing was processed", async (_name, first) => {
    const server = await scripted([...(first as unknown as never[])]);
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast });
    const { response } = await send(atlas, "POST");
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.body)).toEqual(['{"snapshotId":"s"}', '{"snapshotId":"s"}']);
  });

  it("never re-sends a POST after a timeout", async () => {
    const server = await scripted(["hang", 200]);
    const { fetch, sent } = counting();
    const atlas = createAtlasClient({ baseUrl: server.url, fetch, timeoutMs: 50, retry: fast });
    await expect(send(atlas, "POST")).rejects.toBeInstanceOf(AtlasTimeoutError);
    expect(sent).toHaveLength(1);
  });

  it("never re-sends a POST after a reset connection, but does a GET", async () => {
    const server = await scripted(["reset", "reset", 200]);
    const atlas = createAtlasClient({ baseUrl: server.url, retry: fast });
    await expect(send(atlas, "POST")).rejects.toBeInstanceOf(AtlasConnectionError);
    expect(server.requests).toHaveLength(1);
    expect((await send(atlas, "GET")).response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });

  it("re-sends a POST whose connection was refused before anything was sent", async () => {
    const closed = await startServer(() => undefined);
    await closed.close();
    let attempts = 0;
    const atlas = createAtlasClient({
      baseUrl: closed.url,
      retry: fast,
      fetch: (request) => {
        attempts += 1;
        return globalThis.fetch(request);
      },
    });
    const error = await send(atlas, "POST").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(attempts).toBe(3);
  });
});
