import { createServer, request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startCountingProxy } from "../start-counting-proxy.mjs";

const closers = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function target() {
  const server = createServer((_, res) => res.end("hello"));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `127.0.0.1:${server.address().port}`;
}

/** Sends one raw request to the proxy; resolves to [status, body] or, for CONNECT, [status]. */
function send(proxyUrl, method, path, headers = {}) {
  const { port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers });
    req.on("connect", (res, socket) => {
      socket.destroy();
      resolve([res.statusCode]);
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve([res.statusCode, body]));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startCountingProxy", () => {
  it("forwards an absolute-URI request to a loopback target and counts it", async () => {
    const host = await target();
    const proxy = await startCountingProxy();
    closers.push(proxy.close);
    expect(await send(proxy.url, "GET", `http://${host}/x`)).toEqual([200, "hello"]);
    expect(proxy.counts).toEqual({ tunnels: 0, forwarded: 1, refused: 0 });
  });

  it("opens a CONNECT tunnel to a loopback target and counts it", async () => {
    const host = await target();
    const proxy = await startCountingProxy();
    closers.push(proxy.close);
    expect(await send(proxy.url, "CONNECT", host)).toEqual([200]);
    expect(proxy.seen()).toBe(1);
  });

  it("refuses targets off the machine without counting them", async () => {
    const proxy = await startCountingProxy();
    closers.push(proxy.close);
    expect((await send(proxy.url, "GET", "http://example.com/"))[0]).toBe(400);
    expect((await send(proxy.url, "CONNECT", "example.com:443"))[0]).toBe(403);
    expect(proxy.seen()).toBe(0);
  });

  it("answers 407 without its credentials and lets them through as Basic", async () => {
    const host = await target();
    const proxy = await startCountingProxy({ credentials: "user:pw" });
    closers.push(proxy.close);
    expect((await send(proxy.url, "CONNECT", host))[0]).toBe(407);
    expect((await send(proxy.url, "GET", `http://${host}/x`))[0]).toBe(407);
    const basic = { "proxy-authorization": `Basic ${Buffer.from("user:pw").toString("base64")}` };
    expect(await send(proxy.url, "GET", `http://${host}/x`, basic)).toEqual([200, "hello"]);
    expect(proxy.counts).toEqual({ tunnels: 0, forwarded: 1, refused: 2 });
  });
});
