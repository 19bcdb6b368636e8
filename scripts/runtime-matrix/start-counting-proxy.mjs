import { createServer, request as httpRequest } from "node:http";
import { connect } from "node:net";

/**
 * An HTTP proxy on 127.0.0.1 (port 0) for the matrix's proxy checks: it opens CONNECT tunnels (Node's
 * undici tunnels every request) and forwards absolute-URI requests (Bun and Deno send plain http:// this
 * way), counting both, to loopback targets only. With `credentials` ("user:password") it answers 407 to
 * a request without them as `Proxy-Authorization: Basic`, counting those in `counts.refused`.
 * Resolves to `{ url, counts, seen(), close() }`.
 */
export async function startCountingProxy({ credentials } = {}) {
  const counts = { tunnels: 0, forwarded: 0, refused: 0 };
  const expected = credentials ? `Basic ${Buffer.from(credentials).toString("base64")}` : undefined;
  const refuse = (req) => {
    if (expected === undefined || req.headers["proxy-authorization"] === expected) return false;
    counts.refused += 1;
    return true;
  };
  const sockets = new Set();
  const loopback = (host) => host === "127.0.0.1" || host === "localhost";
  const server = createServer((req, res) => {
    if (refuse(req)) return res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="matrix"' }).end();
    const target = URL.canParse(req.url ?? "") ? new URL(req.url) : undefined;
    if (!target || !loopback(target.hostname)) return res.writeHead(400).end("loopback absolute URLs only");
    counts.forwarded += 1;
    const headers = { ...req.headers };
    delete headers["proxy-authorization"];
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("connect", (req, socket, head) => {
    // A client may reset the connection at any point (e.g. after our 407): never crash the matrix.
    socket.on("error", () => socket.destroy());
    if (refuse(req)) {
      return socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="matrix"\r\nContent-Length: 0\r\n\r\n',
      );
    }
    const [host = "", port = ""] = (req.url ?? "").split(/:(?=\d+$)/);
    if (!loopback(host)) return socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    counts.tunnels += 1;
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** Tunnels opened plus requests forwarded so far. */
    seen: () => counts.tunnels + counts.forwarded,
    counts,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
