import { createServer, request as httpRequest } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** What the test proxy saw: every CONNECT tunnel and every forwarded (absolute-URI) request. */
export interface ProxyLog {
  /** `host:port` of each CONNECT, in order. */
  tunnels: string[];
  /** Absolute URLs of plain-HTTP requests forwarded without a tunnel (Bun and Deno send http:// this way). */
  forwarded: string[];
  /** The Proxy-Authorization header of each CONNECT or forwarded request (undefined when absent). */
  authorizations: (string | undefined)[];
  /** Requests refused with 407. */
  refused: number;
}

export interface TestProxy extends ProxyLog {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 (port 0) that opens CONNECT tunnels and forwards absolute-URI requests,
 * counting both. With `credentials` ("user:password") it answers 407 unless the request carries them as
 * `Proxy-Authorization: Basic …`. It reaches loopback targets only: a test never leaves the machine.
 */
export async function startConnectProxy(options: { credentials?: string } = {}): Promise<TestProxy> {
  const log: ProxyLog = { tunnels: [], forwarded: [], authorizations: [], refused: 0 };
  const expected = options.credentials
    ? `Basic ${Buffer.from(options.credentials).toString("base64")}`
    : undefined;
  const allowed = (authorization: string | undefined) => expected === undefined || authorization === expected;
  const loopback = (host: string) => host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const authorization = req.headers["proxy-authorization"];
    log.authorizations.push(authorization);
    const target = URL.canParse(req.url ?? "") ? new URL(req.url!) : undefined;
    if (!allowed(authorization)) {
      log.refused += 1;
      res.writeHead(407, { "Proxy-Authenticate": 'Basic realm="test proxy"' }).end();
      return;
    }
    if (!target || !loopback(target.hostname)) {
      res.writeHead(400).end("only absolute loopback URLs");
      return;
    }
    log.forwarded.push(target.href);
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
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("connect", (req, socket: Socket, head: Buffer) => {
    // A client may reset the connection at any point (e.g. after a 407): never crash the test process.
    socket.on("error", () => socket.destroy());
    const authorization = req.headers["proxy-authorization"];
    log.authorizations.push(authorization);
    if (!allowed(authorization)) {
      log.refused += 1;
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const [host = "", port = ""] = (req.url ?? "").split(/:(?=\d+$)/);
    if (!loopback(host)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    log.tunnels.push(req.url ?? "");
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(log, {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
