import { inspect } from "node:util";
import createClient from "openapi-fetch";
import type { paths } from "@atlas-export/types";
import { afterEach, describe, expect, it } from "vitest";
import {
  AtlasAbortError,
  AtlasAuthError,
  AtlasValidationError,
  createAtlasClient,
  digestAuth,
} from "../src/index.js";
import { DigestVerifier, type Algorithm } from "./support/digest-verifier.js";
import { ids, job, MEDIA_TYPE } from "./support/fixtures.js";
import { sendJson, startServer, type SeenRequest, type TestServer } from "./support/http-server.js";

const PUBLIC_KEY = "pubkey-abcdef";
const PRIVATE_KEY = "priv-9f86d081-884c-7d65-9a2f-eaa0c55ad015";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface DigestServerOptions {
  algorithm?: Algorithm;
  password?: string;
  /** What a failed check sends as the 401 body. */
  unauthorizedBody?: "json" | "html" | "empty";
  /** Answers for authenticated requests, consumed in order; then 200 with a job. */
  script?: number[];
}

async function startDigestServer(options: DigestServerOptions = {}) {
  const verifier = new DigestVerifier({
    username: PUBLIC_KEY,
    password: options.password ?? PRIVATE_KEY,
    algorithm: options.algorithm ?? "MD5",
  });
  const script = [...(options.script ?? [])];
  server = await startServer((request: SeenRequest, res) => {
    const verdict = verifier.verify(request);
    if (verdict !== "ok") {
      const headers = { "WWW-Authenticate": verifier.challenge(verdict === "stale") };
      if (options.unauthorizedBody === "html") {
        res.writeHead(401, { ...headers, "Content-Type": "text/html" }).end("<html><body>401</body></html>");
      } else if (options.unauthorizedBody === "empty") {
        res.writeHead(401, headers).end();
      } else {
        sendJson(
          res,
          401,
          {
            error: 401,
            errorCode: "UNAUTHORIZED",
            reason: "Unauthorized",
            detail: "You are not authorized.",
          },
          headers,
        );
      }
      return;
    }
    const status = script.shift() ?? 200;
    if (status === 200) sendJson(res, 200, job(), {}, `${MEDIA_TYPE};charset=utf-8`);
    else sendJson(res, status, { error: status, errorCode: "SERVICE_UNAVAILABLE", reason: "Unavailable" });
  });
  const atlas = createAtlasClient({
    baseUrl: server.url,
    auth: digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
    retry: { initialDelayMs: 1, maxDelayMs: 1 },
  });
  return { verifier, atlas, server };
}

describe("digestAuth", () => {
  it("pays one challenge for N sequential calls: N+1 requests on the wire, nc 1..N on one nonce", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    for (let i = 0; i < 5; i++) await atlas.getBackupExportJob(ids);
    expect(server.requests).toHaveLength(6);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    expect([...verifier.ncSeen.values()]).toEqual([
      ["00000001", "00000002", "00000003", "00000004", "00000005"],
    ]);
  });

  it.each(["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"] as const)(
    "answers a %s challenge",
    async (algorithm) => {
      const { verifier, atlas, server } = await startDigestServer({ algorithm });
      await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
      expect(server.requests).toHaveLength(2);
      expect(verifier.rejections).toEqual(["no digest credentials"]);
    },
  );

  it("echoes opaque and sends a different random cnonce on every request", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    for (let i = 0; i < 3; i++) await atlas.getBackupExportJob(ids);
    expect(server.requests[1]!.headers.authorization).toContain(`opaque="${verifier.opaque}"`);
    expect(new Set(verifier.cnonces).size).toBe(3);
    expect(verifier.cnonces.every((c) => /^[0-9a-f]{32}$/.test(c))).toBe(true);
  });

  it("shares one challenge among concurrent first calls and never sends an nc twice", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    const results = await Promise.all(Array.from({ length: 10 }, () => atlas.getBackupExportJob(ids)));
    expect(results).toHaveLength(10);
    expect(server.requests).toHaveLength(11);
    const ncs = [...verifier.ncSeen.values()].flat();
    expect(ncs).toHaveLength(10);
    expect(new Set(ncs).size).toBe(10);
    expect(verifier.rejections).toEqual(["no digest credentials"]);
  });

  it("keeps nc unique when many calls reuse the nonce at the same time", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    await atlas.getBackupExportJob(ids);
    await Promise.all(Array.from({ length: 20 }, () => atlas.getBackupExportJob(ids)));
    expect(server.requests).toHaveLength(22);
    expect(new Set([...verifier.ncSeen.values()].flat()).size).toBe(21);
  });

  it("answers a stale=true challenge once, transparently, with the new nonce", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    await atlas.getBackupExportJob(ids);
    verifier.expireNonces();
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(server.requests).toHaveLength(4);
    expect(server.requests[3]!.headers.authorization).toContain("nc=00000001");
    await atlas.getBackupExportJob(ids);
    expect(server.requests).toHaveLength(5);
  });

  it("answers stale=true for many concurrent calls at once, each once, without repeating an nc", async () => {
    const { verifier, atlas, server } = await startDigestServer();
    await atlas.getBackupExportJob(ids);
    verifier.expireNonces();
    await Promise.all(Array.from({ length: 8 }, () => atlas.getBackupExportJob(ids)));
    expect(server.requests.length).toBeLessThanOrEqual(2 + 8 * 2);
    expect(verifier.rejections.filter((r) => r.startsWith("replayed"))).toEqual([]);
    for (const ncs of verifier.ncSeen.values()) expect(new Set(ncs).size).toBe(ncs.length);
  });

  it("lets a call waiting for the shared first challenge abort at once", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const verifier = new DigestVerifier({ username: PUBLIC_KEY, password: PRIVATE_KEY });
    server = await startServer(async (request, res) => {
      if (verifier.verify(request) !== "ok") {
        await held; // the first challenge is slow to come
        res.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
        return;
      }
      sendJson(res, 200, job(), {}, MEDIA_TYPE);
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
    });
    const leader = atlas.getBackupExportJob(ids);
    const controller = new AbortController();
    const waiter = atlas.getBackupExportJob(ids, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await waiter).toBeInstanceOf(AtlasAbortError);
    release();
    await expect(leader).resolves.toMatchObject({ id: ids.exportId });
    expect(server.requests).toHaveLength(2);
  });

  it.each(["json", "html", "empty"] as const)(
    "answers the challenge whatever the 401 body is (%s)",
    async (unauthorizedBody) => {
      const { atlas, server } = await startDigestServer({ unauthorizedBody });
      await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
      expect(server.requests).toHaveLength(2);
    },
  );

  it("ends a wrong private key in AtlasAuthError after one answered challenge, without a loop", async () => {
    const { atlas, server } = await startDigestServer({ password: "the-real-password" });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as AtlasAuthError).status).toBe(401);
    expect((error as AtlasAuthError).message).toMatch(/^401 UNAUTHORIZED: Atlas rejected the API key/);
    expect(server.requests).toHaveLength(2);
    expect(inspect(error) + JSON.stringify(error)).not.toContain(PRIVATE_KEY);
  });

  it("reports a nonce declared stale twice in a row as what happened, not as a rejected key", async () => {
    const verifier = new DigestVerifier({ username: PUBLIC_KEY, password: PRIVATE_KEY });
    server = await startServer((request, res) => {
      const verdict = verifier.verify(request);
      // Every correctly signed request is told its nonce has just expired.
      if (verdict !== "bad") verifier.expireNonces();
      res.writeHead(401, { "WWW-Authenticate": verifier.challenge(verdict !== "bad") }).end();
    });
    const atlas = createAtlasClient({
      baseUrl: server.url,
      auth: digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }),
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect((error as Error).message).toMatch(
      /stale again \(HTTP Digest stale=true twice in a row\); the API key was accepted/,
    );
    expect((error as Error).message).not.toMatch(/rejected the API key/);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 401 as if it were transient", async () => {
    const { atlas, server } = await startDigestServer({ password: "other" });
    await atlas.getBackupExportJob(ids).catch(() => undefined);
    await atlas.getBackupExportJob(ids).catch(() => undefined);
    expect(server.requests).toHaveLength(4);
  });

  it("re-signs every retry with the next nc", async () => {
    const { verifier, atlas, server } = await startDigestServer({ script: [503, 502] });
    await expect(atlas.getBackupExportJob(ids)).resolves.toMatchObject({ id: ids.exportId });
    expect(server.requests).toHaveLength(4);
    expect([...verifier.ncSeen.values()]).toEqual([["00000001", "00000002", "00000003"]]);
  });

  it("works as plain middleware on any openapi-fetch client", async () => {
    const { server } = await startDigestServer();
    const client = createClient<paths>({ baseUrl: server.url, headers: { Accept: MEDIA_TYPE } });
    client.use(digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }));
    const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
    const first = await client.GET(path, { params: { path: ids } });
    const second = await client.GET(path, { params: { path: ids } });
    expect(first.data?.id).toBe(ids.exportId);
    expect(second.data?.id).toBe(ids.exportId);
    expect(server.requests).toHaveLength(3);
  });

  it("re-sends a request body intact when it answers the challenge (any method, any openapi-fetch client)", async () => {
    const verifier = new DigestVerifier({ username: PUBLIC_KEY, password: PRIVATE_KEY });
    server = await startServer((request, res) => {
      if (verifier.verify(request) !== "ok") {
        res.writeHead(401, { "WWW-Authenticate": verifier.challenge() }).end();
        return;
      }
      sendJson(res, 200, { method: request.method, echoed: JSON.parse(request.body) as unknown });
    });
    const client = createClient<any>({ baseUrl: server.url });
    client.use(digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }));
    const { data } = (await client.POST("/api/atlas/v2/groups/{groupId}/echo", {
      params: { path: { groupId: ids.groupId } },
      body: { hello: "atlas" },
    })) as { data: unknown };
    expect(data).toEqual({ method: "POST", echoed: { hello: "atlas" } });
    expect(server.requests.map((r) => r.body)).toEqual(['{"hello":"atlas"}', '{"hello":"atlas"}']);
  });

  it("refuses calls after close(), on the client and on a user's own openapi-fetch client alike", async () => {
    const { atlas, server } = await startDigestServer();
    await atlas.getBackupExportJob(ids);
    await atlas.close();
    await expect(atlas.getBackupExportJob(ids)).rejects.toThrow(/client is closed/);
    const auth = digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
    const client = createClient<paths>({ baseUrl: server.url, headers: { Accept: MEDIA_TYPE } });
    client.use(auth);
    await auth.close();
    const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
    await expect(client.GET(path, { params: { path: ids } })).rejects.toThrow(/digestAuth: closed/);
    expect(server.requests).toHaveLength(2);
  });

  it("refuses to send credentials over plain http to a host that is not loopback", async () => {
    const seen: Request[] = [];
    const client = createClient<paths>({
      baseUrl: "http://atlas.example.com",
      fetch: async (request) => {
        seen.push(request);
        return new Response("{}");
      },
    });
    client.use(digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }));
    const path = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";
    await expect(client.GET(path, { params: { path: ids } })).rejects.toBeInstanceOf(AtlasValidationError);
    expect(seen).toHaveLength(0);
  });

  it("never shows the private key in inspect or JSON.stringify", () => {
    const auth = digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY });
    const atlas = createAtlasClient({ auth });
    for (const shown of [
      inspect(auth, { depth: 10, showHidden: true }),
      JSON.stringify(auth),
      inspect(atlas, { depth: 10 }),
      JSON.stringify(atlas),
    ]) {
      expect(shown).not.toContain(PRIVATE_KEY);
    }
  });

  it.each([
    ["an empty public key", { publicKey: "", privateKey: "x" }, /publicKey/],
    ["a missing private key", { publicKey: "x" }, /privateKey/],
  ])("rejects %s when created", (_name, options, message) => {
    expect(() => digestAuth(options as never)).toThrow(message);
  });
});
