import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Middleware } from "openapi-fetch";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AtlasAbortError,
  AtlasApiError,
  AtlasConnectionError,
  AtlasTimeoutError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClientOptions,
} from "../src/index.js";
import { DigestVerifier } from "./support/digest-verifier.js";
import { ids, job, jobPath, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { TokenEndpoint } from "./support/token-endpoint.js";
import { opensslAvailable } from "./support/test-ca.js";

// Every request goes through openapi-fetch and the client's fetch: globalThis.fetch by default, or the
// `fetch` option; every behaviour here must hold for both, on real sockets.
const transports: [name: string, options: Pick<AtlasClientOptions, "fetch">][] = [
  ["globalThis.fetch (the default)", {}],
  ["the fetch option", { fetch: (request) => globalThis.fetch(request) }],
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves once `count` requests have arrived. */
function arrivals(count: number) {
  let seen = 0;
  let arrived!: () => void;
  const all = new Promise<void>((resolve) => (arrived = resolve));
  return {
    all,
    note() {
      seen += 1;
      if (seen === count) arrived();
    },
  };
}

describe.each(transports)("getBackupExportJob over %s", (_name, transport) => {
  it("returns the job, sending the media type and User-Agent", async () => {
    server = await startServer((_request, res) => sendJson(res, 200, job(), {}, MEDIA_TYPE));
    const atlas = createAtlasClient({ ...transport, baseUrl: server.url });
    for (let i = 0; i < 3; i += 1) await expect(atlas.getBackupExportJob(ids)).resolves.toEqual(job());
    expect(server.requests.map((r) => [r.method, r.url])).toEqual(Array(3).fill(["GET", jobPath]));
    expect(server.requests[0]!.headers.accept).toBe(MEDIA_TYPE);
    expect(server.requests[0]!.headers["user-agent"]).toMatch(/^atlas-export\/\S+ \(node /);
  });

  it("pays one digest challenge for three calls and never repeats an nc", async () => {
    const verifier = new DigestVerifier({ username: "public", password: "private-key" });
    server = await startServer((request, res) => {
      const verdict = verifier.verify(request);
      if (verdict !== "ok") {
        res.writeHead(401, { "WWW-Authenticate": verifier.challenge(verdict === "stale") }).end();
        return;
      }
      sendJson(res, 200, job(), {}, MEDIA_TYPE);
    });
    const atlas = createAtlasClient({
      ...transport,
      baseUrl: server.url,
      auth: digestAuth({ publicKey: "public", privateKey: "private-key" }),
    });
    for (let i = 0; i < 3; i += 1) await atlas.getBackupExportJob(ids);
    expect(server.requests).toHaveLength(4);
    expect([...verifier.ncSeen.values()].flat()).toEqual(["00000001", "00000002", "00000003"]);
    expect(verifier.rejections).toEqual(["no digest credentials"]); // the first request, which asks for the challenge
  });

  it("mints one service-account token for three calls", async () => {
    const tokens = new TokenEndpoint({ clientId: "mdb_sa_id_x", clientSecret: "mdb_sa_sk_y" });
    server = await startServer((request, res) => {
      if (tokens.handle(request, res)) return;
      if (!tokens.authorized(request)) sendJson(res, 401, { error: 401, errorCode: "UNAUTHORIZED" });
      else sendJson(res, 200, job(), {}, MEDIA_TYPE);
    });
    const atlas = createAtlasClient({
      ...transport,
      baseUrl: server.url,
      auth: serviceAccountAuth({ clientId: "mdb_sa_id_x", clientSecret: "mdb_sa_sk_y" }),
    });
    for (let i = 0; i < 3; i += 1) await atlas.getBackupExportJob(ids);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/oauth/token", jobPath, jobPath, jobPath]);
    expect(tokens.minted).toBe(1);
  });

  it("reads a chunked body written in several pieces", async () => {
    const body = JSON.stringify(job());
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE }); // no Content-Length: chunked
      res.write(body.slice(0, 10));
      setImmediate(() => {
        res.write(body.slice(10, 30));
        setImmediate(() => res.end(body.slice(30)));
      });
    });
    await expect(
      createAtlasClient({ ...transport, baseUrl: server.url }).getBackupExportJob(ids),
    ).resolves.toEqual(job());
  });

  it("reads a body that ends when the server closes the connection", async () => {
    const body = JSON.stringify(job());
    server = await startServer((_request, res) => {
      // Written raw: no Content-Length, no chunking; the end of the connection ends the body.
      res.socket!.end(`HTTP/1.1 200 OK\r\nContent-Type: ${MEDIA_TYPE}\r\nConnection: close\r\n\r\n${body}`);
    });
    await expect(
      createAtlasClient({ ...transport, baseUrl: server.url }).getBackupExportJob(ids),
    ).resolves.toEqual(job());
  });

  it("turns an Atlas error into AtlasApiError with its headers, leaving cookies out", async () => {
    server = await startServer((_request, res) =>
      sendJson(
        res,
        404,
        { error: 404, errorCode: "EXPORT_NOT_FOUND", detail: "No export job.", reason: "Not Found" },
        { "X-Request-Id": "req-42", "Set-Cookie": "session=secret" },
      ),
    );
    const error = await createAtlasClient({ ...transport, baseUrl: server.url })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 404, errorCode: "EXPORT_NOT_FOUND", requestId: "req-42" });
    expect((error as AtlasApiError).headers).not.toHaveProperty("set-cookie");
  });

  it("reports a body cut off mid-transfer as TRUNCATED_RESPONSE with what arrived", async () => {
    const body = JSON.stringify(job());
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": String(body.length) });
      res.write(body.slice(0, 25), () => res.socket?.destroy());
    });
    const error = await createAtlasClient({ ...transport, baseUrl: server.url, retry: { maxRetries: 0 } })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 200, errorCode: "TRUNCATED_RESPONSE", snippet: body.slice(0, 25) });
    expect((error as Error).message).toContain(`after 25 of ${body.length} bytes`);
  });

  it("ends a call whose body stalls when the caller aborts, as an abort and not a truncation", async () => {
    const started = arrivals(1);
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": "500" });
      res.write('{"id":', () => started.note()); // and never the rest
    });
    const controller = new AbortController();
    const call = createAtlasClient({ ...transport, baseUrl: server.url })
      .getBackupExportJob(ids, { signal: controller.signal })
      .catch((e: unknown) => e);
    await started.all;
    controller.abort(new Error("stop"));
    const error = await call;
    expect(error).toBeInstanceOf(AtlasAbortError);
    expect((error as AtlasAbortError).cause).toMatchObject({ message: "stop" });
  });

  it("times out an attempt whose body stalls", async () => {
    server = await startServer((_request, res) => {
      res.writeHead(200, { "Content-Type": MEDIA_TYPE, "Content-Length": "500" });
      res.write('{"id":');
    });
    const error = await createAtlasClient({
      ...transport,
      baseUrl: server.url,
      timeoutMs: 50,
      retry: { maxRetries: 0 },
    })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
  });

  it("reports a refused connection as AtlasConnectionError naming the cause", async () => {
    server = await startServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await createAtlasClient({ ...transport, baseUrl: url, retry: { maxRetries: 0 } })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect((error as Error).message).toMatch(/^could not reach 127\.0\.0\.1:\d+: ECONNREFUSED$/);
  });

  it("does not follow a redirect with the credentials", async () => {
    const elsewhere = await startServer((_request, res) => sendJson(res, 200, job()));
    try {
      server = await startServer((_request, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/steal` }).end("moved");
      });
      const error = await createAtlasClient({
        ...transport,
        baseUrl: server.url,
        auth: digestAuth({ publicKey: "public", privateKey: "private-key" }),
      })
        .getBackupExportJob(ids)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 307 });
      expect((error as Error).message).toMatch(
        /^307 REDIRECT: Atlas redirected to http:\/\/127\.0\.0\.1:\d+;/,
      );
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("sends envelope=true and unwraps the answer", async () => {
    server = await startServer((_request, res) => sendJson(res, 200, { status: 200, content: job() }));
    await expect(
      createAtlasClient({ ...transport, baseUrl: server.url }).getBackupExportJob(ids, { envelope: true }),
    ).resolves.toEqual(job());
    expect(server.requests[0]!.url).toBe(`${jobPath}?envelope=true`);
  });
});

describe.skipIf(!opensslAvailable)("https", () => {
  let directory: string;
  let tls: HttpsServer;
  let url: string;
  beforeAll(async () => {
    // A self-signed certificate: a client that verifies certificates refuses it.
    directory = mkdtempSync(join(tmpdir(), "atlas-export-tls-"));
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"],
        ...["-keyout", join(directory, "key.pem"), "-out", join(directory, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    tls = createHttpsServer(
      { key: readFileSync(join(directory, "key.pem")), cert: readFileSync(join(directory, "cert.pem")) },
      (_request, res) => sendJson(res, 200, job(), {}, MEDIA_TYPE),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    tls.closeAllConnections();
    await new Promise((resolve) => tls.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it.each(transports)("goes over TLS and verifies the certificate with %s", async (_name, transport) => {
    const error = await createAtlasClient({ ...transport, baseUrl: url, retry: { maxRetries: 0 } })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect((error as Error).message).toMatch(/SELF_SIGNED|self[- ]signed/i);
  });
});

describe("an auth middleware that is not this package's", () => {
  it("runs through openapi-fetch, so its hooks see the request and the answer", async () => {
    server = await startServer((request, res) => {
      if (request.headers.authorization !== "Custom let-me-in") sendJson(res, 401, { errorCode: "NO" });
      else sendJson(res, 200, job(), {}, MEDIA_TYPE);
    });
    const statuses: number[] = [];
    const custom: Middleware = {
      onRequest({ request }) {
        request.headers.set("Authorization", "Custom let-me-in");
        return request;
      },
      onResponse({ response }) {
        statuses.push(response.status);
        return undefined;
      },
    };
    const atlas = createAtlasClient({ baseUrl: server.url, auth: custom });
    await expect(atlas.getBackupExportJob(ids)).resolves.toEqual(job());
    expect(statuses).toEqual([200]);
  });
});
