import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AtlasConnectionError } from "../src/atlas-connection-error.js";
import { createDefaultFetch, type DefaultFetchOptions } from "../src/default-fetch.js";
import { startConnectProxy, type TestProxy } from "./support/connect-proxy.js";
import { setProxyEnvironment } from "./support/proxy-environment.js";
import { createTestCa, opensslAvailable, type TestCa } from "./support/test-ca.js";

let ca: TestCa;
let plain: Server;
let secure: Server;
let wrongHost: Server;
let proxy: TestProxy;
let restoreEnvironment: () => void = () => {};
const opened: { close(): Promise<void> }[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(String((server.address() as AddressInfo).port))),
  );
}
const answer: Parameters<typeof createHttpServer>[1] = (_, res) => res.end("hello");
let plainUrl: string;
let secureUrl: string;
let wrongHostUrl: string;

beforeAll(async () => {
  plain = createHttpServer(answer);
  plainUrl = `http://127.0.0.1:${await listen(plain)}/x`;
  if (!opensslAvailable) return; // the tests of secureUrl and wrongHostUrl skip
  ca = createTestCa();
  secure = createHttpsServer(ca.server, answer);
  wrongHost = createHttpsServer(ca.wrongHost, answer);
  secureUrl = `https://127.0.0.1:${await listen(secure)}/x`;
  wrongHostUrl = `https://127.0.0.1:${await listen(wrongHost)}/x`;
}, 60_000);
afterAll(async () => {
  for (const server of [plain, secure, wrongHost]) {
    if (server === undefined) continue;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  ca?.remove();
});
afterEach(async () => {
  restoreEnvironment();
  for (const item of opened.splice(0)) await item.close();
});

async function withProxy(credentials?: string): Promise<TestProxy> {
  proxy = await startConnectProxy(credentials ? { credentials } : {});
  opened.push(proxy);
  return proxy;
}

function open(options: Partial<DefaultFetchOptions>, env: Record<string, string> = {}) {
  restoreEnvironment = setProxyEnvironment(env);
  const created = createDefaultFetch({ proxy: undefined, ca: undefined, ...options });
  opened.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<AtlasConnectionError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AtlasConnectionError);
  return error as AtlasConnectionError;
}

describe("createDefaultFetch: proxies", () => {
  it("tunnels through the proxy HTTP_PROXY names", async () => {
    const { url, tunnels } = await withProxy();
    const { fetch } = open({}, { HTTP_PROXY: url });
    expect(await (await fetch(new Request(plainUrl))).text()).toBe("hello");
    expect(tunnels).toEqual([new URL(plainUrl).host]);
  });

  it.skipIf(!opensslAvailable)(
    "tunnels HTTPS through the proxy https_proxy names, trusting `ca` inside the tunnel",
    async () => {
      const { url, tunnels } = await withProxy();
      const { fetch } = open({ ca: [ca.caCert] }, { https_proxy: url });
      expect(await (await fetch(new Request(secureUrl))).text()).toBe("hello");
      expect(tunnels).toEqual([new URL(secureUrl).host]);
    },
  );

  it.each(["127.0.0.1", "*", "localhost,127.0.0.1", ".example.com, 127.0.0.1"])(
    "goes direct to a host NO_PROXY=%s lists",
    async (noProxy) => {
      const { url, tunnels, forwarded } = await withProxy();
      const { fetch } = open({}, { HTTP_PROXY: url, NO_PROXY: noProxy });
      expect(await (await fetch(new Request(plainUrl))).text()).toBe("hello");
      expect([...tunnels, ...forwarded]).toEqual([]);
    },
  );

  it("goes direct when NO_PROXY names the host with its port, through the proxy for another port", async () => {
    const { url, tunnels } = await withProxy();
    const port = new URL(plainUrl).port;
    const { fetch } = open({}, { HTTP_PROXY: url, NO_PROXY: `127.0.0.1:${Number(port) + 1}` });
    await fetch(new Request(plainUrl));
    expect(tunnels).toHaveLength(1);
    restoreEnvironment();
    const direct = open({}, { HTTP_PROXY: url, NO_PROXY: `127.0.0.1:${port}` });
    await direct.fetch(new Request(plainUrl));
    expect(tunnels).toHaveLength(1);
  });

  it("uses the `proxy` URL without any variable", async () => {
    const { url, tunnels } = await withProxy();
    const { fetch } = open({ proxy: new URL(url) });
    await fetch(new Request(plainUrl));
    expect(tunnels).toHaveLength(1);
  });

  it("ignores HTTP_PROXY with `proxy: false`", async () => {
    const { url, tunnels } = await withProxy();
    const { fetch } = open({ proxy: false }, { HTTP_PROXY: url });
    expect(await (await fetch(new Request(plainUrl))).text()).toBe("hello");
    expect(tunnels).toEqual([]);
  });

  it("sends the proxy URL's credentials to the proxy as Basic", async () => {
    const { url, authorizations } = await withProxy("user:p@ss word");
    const withCredentials = url.replace("http://", "http://user:p%40ss%20word@");
    const { fetch } = open({}, { HTTP_PROXY: withCredentials });
    expect(await (await fetch(new Request(plainUrl))).text()).toBe("hello");
    expect(authorizations).toEqual([`Basic ${Buffer.from("user:p@ss word").toString("base64")}`]);
  });

  it("makes a 407 a clear AtlasConnectionError that never shows the proxy password", async () => {
    const { url, refused } = await withProxy("user:right");
    const wrong = url.replace("http://", "http://user:hunter2@");
    const { fetch } = open({}, { HTTP_PROXY: wrong });
    const error = await failure(fetch(new Request(plainUrl)));
    expect(error.message).toMatch(
      /^could not reach 127\.0\.0\.1:\d+: the proxy http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ answered 407/,
    );
    expect(refused + proxy.refused).toBeGreaterThan(0);
    for (const shown of [
      error.message,
      inspect(error, { depth: 10 }),
      JSON.stringify(error),
      String(error.stack),
    ]) {
      expect(shown).not.toContain("hunter2");
    }
  });

  it("names a proxy that is not listening", async () => {
    const { url } = await withProxy();
    await proxy.close();
    const { fetch } = open({ proxy: new URL(url) });
    const error = await failure(fetch(new Request(plainUrl)));
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.message).toMatch(
      /could not connect to the proxy http:\/\/127\.0\.0\.1:\d+\/ \(ECONNREFUSED\)/,
    );
  });
});

describe.skipIf(!opensslAvailable)("createDefaultFetch: trust", () => {
  it("trusts a private CA given as `ca`", async () => {
    const { fetch } = open({ ca: [ca.caCert] });
    expect(await (await fetch(new Request(secureUrl))).text()).toBe("hello");
  });

  it("says an untrusted certificate is untrusted and how to trust it", async () => {
    const { fetch } = open({});
    const error = await failure(fetch(new Request(secureUrl)));
    expect(error.message).toMatch(/the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \([A-Z_]+\)/);
    expect(error.message).toMatch(/`ca` option.*NODE_EXTRA_CA_CERTS/);
  });

  it("says a certificate for another host is for another host, even with its CA trusted", async () => {
    const { fetch } = open({ ca: [ca.caCert] });
    const error = await failure(fetch(new Request(wrongHostUrl)));
    expect(error.code).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
    expect(error.message).toMatch(/the TLS certificate is not valid for 127\.0\.0\.1:\d+/);
  });

  it("adds `ca` to Node's bundled roots instead of replacing them", async () => {
    const { rootCertificates } = await import("node:tls");
    const { trustedCertificates } = await import("../src/node-dispatcher-fetch.js");
    const trusted = trustedCertificates([ca.caCert]);
    expect(trusted).toEqual(expect.arrayContaining([rootCertificates[0], ca.caCert]));
    expect(trusted.at(-1)).toBe(ca.caCert);
  });

  it("leaves an aborted request's error alone", async () => {
    const { fetch } = open({});
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(fetch(new Request(secureUrl, { signal: controller.signal }))).rejects.not.toBeInstanceOf(
      AtlasConnectionError,
    );
  });
});
