import { spawn } from "node:child_process";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_JOB_DEFINITION,
  startMockAtlas,
  type MockAtlas,
} from "@atlas-export/mock-server";
import {
  AtlasConnectionError,
  AtlasValidationError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClient,
  type AtlasClientOptions,
} from "../src/index.js";
import { startConnectProxy, type TestProxy } from "./support/connect-proxy.js";
import { setProxyEnvironment } from "./support/proxy-environment.js";
import { createTestCa, opensslAvailable, type TestCa } from "./support/test-ca.js";

const { groupId, clusterName, exportId } = DOCUMENTED_EXPORT_JOB_DEFINITION;
const job = { groupId, clusterName, exportId };

let ca: TestCa;
let http: MockAtlas;
let https: MockAtlas;
let wrongHost: MockAtlas;
let restoreEnvironment: () => void = () => {};
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  http = await startMockAtlas();
  if (!opensslAvailable) return; // the tests of the HTTPS emulators skip
  ca = createTestCa();
  [https, wrongHost] = await Promise.all([
    startMockAtlas({ tls: ca.server }),
    startMockAtlas({ tls: ca.wrongHost }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([http, https, wrongHost].map((mock) => mock?.close()));
  ca?.remove();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  restoreEnvironment();
  restoreEnvironment = () => {};
  for (const mock of [http, https, wrongHost]) mock?.resetStats();
});

async function proxy(credentials?: string): Promise<TestProxy> {
  const started = await startConnectProxy(credentials ? { credentials } : {});
  cleanups.push(() => started.close());
  return started;
}

/** A client created after the proxy variables are set to `env` (and nothing else from the runner's). */
function client(options: AtlasClientOptions, env: Record<string, string> = {}): AtlasClient {
  restoreEnvironment();
  restoreEnvironment = setProxyEnvironment(env);
  const created = createAtlasClient({ retry: { maxRetries: 0 }, ...options });
  cleanups.push(() => created.close());
  return created;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as Error,
  );
}

describe("proxy variables", () => {
  it("sends digest calls through HTTP_PROXY with one challenge for N calls (N+1 requests)", async () => {
    const { url, tunnels } = await proxy();
    const atlas = client({ auth: digestAuth(DEMO_API_KEY), baseUrl: http.url }, { HTTP_PROXY: url });
    for (let call = 0; call < 3; call += 1) await atlas.getBackupExportJob(job);
    expect(http.stats.challenges + http.stats.digestAuthenticated).toBe(4);
    expect(http.stats.challenges).toBe(1);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([new URL(http.url).host]));
  });

  it.skipIf(!opensslAvailable)(
    "mints one token through HTTPS_PROXY for N calls and revokes it through the proxy on close",
    async () => {
      const { url, tunnels } = await proxy();
      const atlas = client(
        { auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT), baseUrl: https.url, ca: ca.caCert },
        { HTTPS_PROXY: url },
      );
      for (let call = 0; call < 3; call += 1) await atlas.getBackupExportJob(job);
      await atlas.close();
      expect(https.stats).toMatchObject({ tokensMinted: 1, bearerAuthenticated: 3, tokensRevoked: 1 });
      expect(new Set(tunnels)).toEqual(new Set([new URL(https.url).host]));
    },
  );

  it("goes direct to a host NO_PROXY lists", async () => {
    const { url, tunnels } = await proxy();
    const atlas = client(
      { auth: digestAuth(DEMO_API_KEY), baseUrl: http.url },
      { HTTP_PROXY: url, NO_PROXY: "localhost,127.0.0.1" },
    );
    await atlas.getBackupExportJob(job);
    expect(tunnels).toEqual([]);
  });

  it("uses the `proxy` option without variables, and ignores the variables with `proxy: false`", async () => {
    const { url, tunnels } = await proxy();
    await client({ auth: digestAuth(DEMO_API_KEY), baseUrl: http.url, proxy: url }).getBackupExportJob(job);
    const opened = tunnels.length;
    expect(opened).toBeGreaterThan(0);
    const direct = client(
      { auth: digestAuth(DEMO_API_KEY), baseUrl: http.url, proxy: false },
      { HTTP_PROXY: url },
    );
    await direct.getBackupExportJob(job);
    expect(tunnels).toHaveLength(opened);
  });

  it("lets the user's own fetch win over the variables", async () => {
    const { url, tunnels } = await proxy();
    let calls = 0;
    const atlas = client(
      {
        auth: digestAuth(DEMO_API_KEY),
        baseUrl: http.url,
        fetch: (request) => {
          calls += 1;
          return fetch(request);
        },
      },
      { HTTP_PROXY: url },
    );
    await atlas.getBackupExportJob(job);
    expect(calls).toBe(2);
    expect(tunnels).toEqual([]);
  });

  it.each([
    ["proxy", { proxy: "http://127.0.0.1:1" }],
    ["ca", { ca: "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----" }],
  ])("refuses `%s` next to a user's own fetch", (option, extra) => {
    expect(() => createAtlasClient({ fetch: (request) => fetch(request), ...extra })).toThrow(
      AtlasValidationError,
    );
    expect(() => createAtlasClient({ fetch: (request) => fetch(request), ...extra })).toThrow(
      new RegExp(`createAtlasClient\\(\\{ ${option} \\}\\) configures the client's built-in fetch`),
    );
  });

  it("sends the credentials of the proxy URL to the proxy, and never shows them", async () => {
    const { url, authorizations } = await proxy("squid:hunter2");
    const proxyUrl = url.replace("http://", "http://squid:hunter2@");
    const atlas = client({ auth: digestAuth(DEMO_API_KEY), baseUrl: http.url, proxy: proxyUrl });
    await atlas.getBackupExportJob(job);
    expect(authorizations[0]).toBe(`Basic ${Buffer.from("squid:hunter2").toString("base64")}`);
    expect(inspect(atlas, { depth: 10 })).not.toContain("hunter2");
    expect(JSON.stringify(atlas)).not.toContain("hunter2");
  });

  it("makes a proxy's 407 a clear AtlasConnectionError without the password", async () => {
    const { url } = await proxy("squid:right");
    const proxyUrl = url.replace("http://", "http://squid:hunter2@");
    const atlas = client({ auth: digestAuth(DEMO_API_KEY), baseUrl: http.url }, { HTTP_PROXY: proxyUrl });
    const error = await rejection(atlas.getBackupExportJob(job));
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(error.message).toMatch(
      /^could not reach 127\.0\.0\.1:\d+: the proxy http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ answered 407 Proxy Authentication Required: put the proxy's user and password in its URL/,
    );
    for (const shown of [error.message, inspect(error, { depth: 10 }), JSON.stringify(error)]) {
      expect(shown).not.toContain("hunter2");
    }
  });

  it("makes a token request refused by the proxy a clear AtlasConnectionError", async () => {
    const { url } = await proxy("squid:right");
    const atlas = client({ auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT), baseUrl: http.url, proxy: url });
    const error = await rejection(atlas.getBackupExportJob(job));
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(error.message).toMatch(/answered 407 Proxy Authentication Required/);
    expect(http.stats.tokensMinted).toBe(0);
  });
});

describe.skipIf(!opensslAvailable)("private certificate authorities", () => {
  it("trusts the CA given as `ca` for API and token requests", async () => {
    const atlas = client({
      auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
      baseUrl: https.url,
      ca: [ca.caCert],
    });
    expect((await atlas.getBackupExportJob(job)).id).toBe(exportId);
    expect(https.stats.tokensMinted).toBe(1);
  });

  it("trusts a CA given as a Buffer", async () => {
    const atlas = client({ auth: digestAuth(DEMO_API_KEY), baseUrl: https.url, ca: Buffer.from(ca.caCert) });
    expect((await atlas.getBackupExportJob(job)).id).toBe(exportId);
  });

  it.each([
    ["an API call", digestAuth(DEMO_API_KEY)],
    ["a token request", serviceAccountAuth(DEMO_SERVICE_ACCOUNT)],
  ])("says an untrusted certificate on %s is untrusted and how to trust it", async (_, auth) => {
    const error = await rejection(client({ auth, baseUrl: https.url }).getBackupExportJob(job));
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(error.message).toMatch(/the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \([A-Z_]+\)/);
    expect(error.message).toMatch(/the `ca` option \(atlas-export: --ca-file\) or NODE_EXTRA_CA_CERTS/);
    expect(error.message).not.toMatch(/fetch failed/);
  });

  it("does not retry an untrusted certificate: another attempt meets the same certificate", async () => {
    const server = createHttpsServer(ca.server, (_, res) => res.end("{}"));
    let connections = 0;
    server.on("connection", () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    restoreEnvironment = setProxyEnvironment();
    const atlas = createAtlasClient({
      auth: digestAuth(DEMO_API_KEY),
      baseUrl: `https://127.0.0.1:${port}`,
      retry: { maxRetries: 2, initialDelayMs: 1 },
    });
    const error = await rejection(atlas.getBackupExportJob(job));
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(connections).toBe(1);
  });

  it("does not retry a certificate failure that only Deno's message names (no error code)", async () => {
    let calls = 0;
    const atlas = createAtlasClient({
      auth: digestAuth(DEMO_API_KEY),
      baseUrl: "https://127.0.0.1:1",
      retry: { maxRetries: 2, initialDelayMs: 1 },
      fetch: async () => {
        calls += 1;
        throw new TypeError("fetch failed", {
          cause: new Error("client error (Connect): invalid peer certificate: UnknownIssuer"),
        });
      },
    });
    const error = await rejection(atlas.getBackupExportJob(job));
    expect(error).toMatchObject({ name: "AtlasConnectionError", code: "UnknownIssuer" });
    expect(calls).toBe(1);
  });

  it("says a certificate for another host is for another host", async () => {
    const atlas = client({ auth: digestAuth(DEMO_API_KEY), baseUrl: wrongHost.url, ca: ca.caCert });
    const error = await rejection(atlas.getBackupExportJob(job));
    expect(error).toMatchObject({ name: "AtlasConnectionError", code: "ERR_TLS_CERT_ALTNAME_INVALID" });
    expect(error.message).toMatch(/the TLS certificate is not valid for 127\.0\.0\.1:\d+/);
  });
});

/** Runs a small ESM program with the built client in a child Node (NODE_EXTRA_CA_CERTS is read at startup). */
function runChild(
  program: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", program], {
      cwd: new URL("..", import.meta.url),
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

// Child processes (and a second openssl CA) take a while on a loaded machine; nothing here measures time.
describe.skipIf(!opensslAvailable)("NODE_EXTRA_CA_CERTS", { timeout: 30_000 }, () => {
  const program = (options: string) => `
    import { createAtlasClient, digestAuth } from "@atlas-export/client";
    const atlas = createAtlasClient({ auth: digestAuth(${JSON.stringify(DEMO_API_KEY)}), baseUrl: process.env.BASE_URL, retry: { maxRetries: 0 }${options} });
    const job = await atlas.getBackupExportJob(${JSON.stringify(job)}).catch((error) => error);
    console.log(job.id ?? job.message);`;

  it("is trusted by the built-in fetch", async () => {
    const { output } = await runChild(program(""), { BASE_URL: https.url, NODE_EXTRA_CA_CERTS: ca.caFile });
    expect(output.trim()).toBe(exportId);
  });

  it("is still trusted next to the `ca` option, which adds to it", async () => {
    const other = createTestCa();
    try {
      const options = `, ca: ${JSON.stringify(other.caCert)}`;
      const { output } = await runChild(program(options), {
        BASE_URL: https.url,
        NODE_EXTRA_CA_CERTS: ca.caFile,
      });
      expect(output.trim()).toBe(exportId);
    } finally {
      other.remove();
    }
  });

  it("is what the error asks for when it is missing", async () => {
    const { output } = await runChild(program(""), { BASE_URL: https.url });
    expect(output).toMatch(/is not trusted .* NODE_EXTRA_CA_CERTS/);
  });
});
