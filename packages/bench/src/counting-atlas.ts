import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { benchCredentials } from "./bench-credentials.js";
import { exampleJob, exampleMediaType } from "./example-job.js";

export interface CountingAtlasOptions {
  /**
   * Milliseconds added before every answer: a simulated network round trip (20 ms is a distant region),
   * because round trips, not microseconds of client code, decide throughput against Atlas. Default 0.
   */
  latencyMs?: number;
}

/** What the server saw; the request, replay and token figures are read from here, not from the clients. */
export interface CountingAtlasStats {
  /** Every HTTP request that reached the server. */
  requests: number;
  /** Digest requests that reused an `nc` already seen for their nonce (RFC 7616 §3.4: a replay). */
  replays: number;
  /** `POST /api/oauth/token` requests. */
  tokenRequests: number;
}

export interface CountingAtlas {
  url: string;
  stats: CountingAtlasStats;
  resetStats(): void;
  close(): Promise<void>;
}

const realm = "MMS Public API";
/** Atlas's lifetime of an access token; compared with `Date.now()`, so a fake clock moves it. */
const tokenLifetimeSeconds = 3600;
const jobBody = JSON.stringify(exampleJob);
const md5 = (text: string): string => createHash("md5").update(text).digest("hex");
const zeroStats = (): CountingAtlasStats => ({ requests: 0, replays: 0, tokenRequests: 0 });

/** Parses `Digest a="b", c=d` into a record; quoted and bare values alike. */
function parseDigestHeader(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name = "", quoted, bare] of header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    fields[name.toLowerCase()] = quoted ?? bare ?? "";
  }
  return fields;
}

/**
 * RFC 6749 §2.3.1: client id and secret are form-urlencoded before base64 (oauth4webapi sends `_` as
 * `%5F`), so they are decoded before comparing; plain `base64(id:secret)` decodes to itself.
 */
function basicMatches(header: string | undefined): boolean {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? "")?.[1] ?? "";
  const [id = "", secret = ""] = Buffer.from(encoded, "base64").toString("utf8").split(":");
  try {
    const decode = (text: string) => decodeURIComponent(text.replaceAll("+", " "));
    return decode(id) === benchCredentials.clientId && decode(secret) === benchCredentials.clientSecret;
  } catch {
    return false;
  }
}

/**
 * A loopback Atlas stand-in written for measuring: digest (MD5, qop=auth, nc replay rejection),
 * client-credentials tokens and bearer calls, answering every GET under /api/atlas/ with one fixed job so
 * the clients, not the server, dominate the figures. It counts what reaches the wire.
 */
export async function startCountingAtlas({
  latencyMs = 0,
}: CountingAtlasOptions = {}): Promise<CountingAtlas> {
  const ha1 = md5(`${benchCredentials.publicKey}:${realm}:${benchCredentials.privateKey}`);
  /** Nonce -> the `nc` values already accepted with it. */
  const nonces = new Map<string, Set<string>>();
  /** Access token -> `Date.now()` when it expires. */
  const tokens = new Map<string, number>();
  let stats = zeroStats();

  function challenge(res: ServerResponse): void {
    const nonce = randomBytes(16).toString("base64");
    nonces.set(nonce, new Set());
    res.writeHead(401, {
      "content-type": "application/json",
      "www-authenticate": `Digest realm="${realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=false`,
    });
    res.end('{"error":401,"errorCode":"NOT_ORG_GROUP_CREATOR","reason":"Unauthorized"}');
  }

  function handleDigest(req: IncomingMessage, res: ServerResponse, fields: Record<string, string>): void {
    const seenNc = nonces.get(fields["nonce"] ?? "");
    if (seenNc === undefined) return challenge(res);
    // The client signs the uri it sent; the hash covers it, so a forged uri fails the comparison below.
    const ha2 = md5(`${req.method}:${fields["uri"]}`);
    const nc = fields["nc"] ?? "";
    const expected = md5(`${ha1}:${fields["nonce"]}:${nc}:${fields["cnonce"]}:${fields["qop"]}:${ha2}`);
    if (fields["username"] !== benchCredentials.publicKey || fields["response"] !== expected) {
      return challenge(res);
    }
    if (seenNc.has(nc)) {
      stats.replays += 1;
      return challenge(res);
    }
    seenNc.add(nc);
    res.writeHead(200, { "content-type": exampleMediaType }).end(jobBody);
  }

  function handleToken(req: IncomingMessage, res: ServerResponse): void {
    stats.tokenRequests += 1;
    if (!basicMatches(req.headers.authorization)) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid_client"}');
      return;
    }
    const token = randomBytes(24).toString("base64url");
    tokens.set(token, Date.now() + tokenLifetimeSeconds * 1000);
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: tokenLifetimeSeconds }));
  }

  function answer(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0];
    const authorization = req.headers.authorization ?? "";
    if (req.method === "POST" && path === "/api/oauth/token") return handleToken(req, res);
    if (req.method === "POST" && path === "/api/oauth/revoke") return void res.writeHead(200).end();
    if (req.method !== "GET" || !path?.startsWith("/api/atlas/")) return void res.writeHead(404).end();
    if (authorization.startsWith("Digest ")) return handleDigest(req, res, parseDigestHeader(authorization));
    const expiresAt = tokens.get(authorization.replace(/^Bearer /, ""));
    if (expiresAt !== undefined && Date.now() < expiresAt) {
      return void res.writeHead(200, { "content-type": exampleMediaType }).end(jobBody);
    }
    challenge(res);
  }

  const server = createServer((req, res) => {
    stats.requests += 1;
    // Drain the body (token and revoke forms are tiny) before answering.
    req.resume();
    req.on("end", () => {
      if (latencyMs > 0) setTimeout(() => answer(req, res), latencyMs);
      else answer(req, res);
    });
  });
  // Keep-alive longer than any pause in the benchmarks, so no row pays for reconnecting.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get stats() {
      return stats;
    },
    resetStats() {
      stats = zeroStats();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
