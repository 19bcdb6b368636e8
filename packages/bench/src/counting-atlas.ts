import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { benchCredentials } from "./bench-credentials.js";
import { exampleJob } from "./example-job.js";

export interface CountingAtlasOptions {
  publicKey?: string;
  privateKey?: string;
  clientId?: string;
  clientSecret?: string;
  /** How long a digest nonce stays valid (Apache's default AuthDigestNonceLifetime is 300 s). */
  nonceLifetimeMs?: number;
  /** Lifetime of an access token (Atlas: 3600 s); read from `Date.now()`, so a fake clock moves it. */
  tokenLifetimeSeconds?: number;
}

/** What the server saw; every figure of the digest and token rows is read from here, not from the clients. */
export interface CountingAtlasStats {
  /** Every HTTP request that reached the server. */
  requests: number;
  /** 401 challenges sent to requests that carried no usable credentials. */
  challenges: number;
  /** Digest requests that reused an `nc` already seen for their nonce (RFC 7616 §3.4: a replay). */
  replays: number;
  /** Digest requests whose nonce had expired (answered with `stale=true`). */
  staleNonces: number;
  /** Digest or bearer credentials that did not verify (bearer: unknown or expired token). */
  rejectedCredentials: number;
  /** `POST /api/oauth/token` requests. */
  tokenRequests: number;
  /** 200 answers to the API operation. */
  served: number;
}

export interface CountingAtlas {
  url: string;
  stats: CountingAtlasStats;
  resetStats(): void;
  close(): Promise<void>;
}

const defaults = {
  ...benchCredentials,
  nonceLifetimeMs: 300_000,
  tokenLifetimeSeconds: 3600,
} satisfies Required<CountingAtlasOptions>;

const realm = "MMS Public API";
const jobBody = JSON.stringify(exampleJob);
const unauthorizedBody = JSON.stringify({
  detail: "You are not authorized for this resource.",
  error: 401,
  errorCode: "NOT_ORG_GROUP_CREATOR",
  parameters: [],
  reason: "Unauthorized",
});

const md5 = (text: string): string => createHash("md5").update(text).digest("hex");

function zeroStats(): CountingAtlasStats {
  return {
    requests: 0,
    challenges: 0,
    replays: 0,
    staleNonces: 0,
    rejectedCredentials: 0,
    tokenRequests: 0,
    served: 0,
  };
}

/** Parses `Digest a="b", c=d` into a record; quoted and bare values alike. */
function parseDigestHeader(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of header.slice("Digest ".length).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    const name = match[1];
    if (name !== undefined) fields[name.toLowerCase()] = match[2] ?? match[3] ?? "";
  }
  return fields;
}

/**
 * RFC 6749 §2.3.1: client id and secret are form-urlencoded before base64 (oauth4webapi sends `_` as
 * `%5F`), so they are decoded before comparing; plain `base64(id:secret)` decodes to itself.
 */
function basicMatches(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? "")?.[1];
  if (encoded === undefined) return false;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  const formDecode = (text: string) => {
    try {
      return decodeURIComponent(text.replaceAll("+", " "));
    } catch {
      return undefined;
    }
  };
  return (
    formDecode(decoded.slice(0, colon)) === clientId && formDecode(decoded.slice(colon + 1)) === clientSecret
  );
}

/**
 * A loopback Atlas stand-in written for measuring: digest (MD5, qop=auth, expiring nonces, nc replay
 * rejection), client-credentials tokens and bearer calls, answering every GET under /api/atlas/ with one
 * fixed job so the clients, not the server, dominate the figures. It counts what reaches the wire.
 */
export async function startCountingAtlas(options: CountingAtlasOptions = {}): Promise<CountingAtlas> {
  const config: Required<CountingAtlasOptions> = { ...defaults, ...options };
  const ha1 = md5(`${config.publicKey}:${realm}:${config.privateKey}`);
  const nonces = new Map<string, { issuedAt: number; seenNc: Set<string> }>();
  /** Access token -> `Date.now()` when it expires. */
  const tokens = new Map<string, number>();
  let stats = zeroStats();

  function challenge(res: ServerResponse, stale: boolean): void {
    const nonce = randomBytes(16).toString("base64");
    nonces.set(nonce, { issuedAt: Date.now(), seenNc: new Set() });
    res.writeHead(401, {
      "content-type": "application/json",
      "www-authenticate": `Digest realm="${realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=${stale}`,
    });
    res.end(unauthorizedBody);
  }

  function serveJob(res: ServerResponse): void {
    stats.served += 1;
    res.writeHead(200, { "content-type": "application/vnd.atlas.2023-01-01+json" });
    res.end(jobBody);
  }

  function handleDigest(req: IncomingMessage, res: ServerResponse, header: string): void {
    const fields = parseDigestHeader(header);
    const nonce = fields["nonce"] ?? "";
    const known = nonces.get(nonce);
    if (known === undefined || Date.now() - known.issuedAt > config.nonceLifetimeMs) {
      if (known !== undefined) nonces.delete(nonce);
      stats.staleNonces += known === undefined ? 0 : 1;
      stats.challenges += known === undefined ? 1 : 0;
      challenge(res, known !== undefined);
      return;
    }
    // The client signs the uri it sent; the hash covers it, so a forged uri fails the comparison below.
    const ha2 = md5(`${req.method ?? "GET"}:${fields["uri"] ?? ""}`);
    const nc = fields["nc"] ?? "";
    const expected = md5(`${ha1}:${nonce}:${nc}:${fields["cnonce"] ?? ""}:${fields["qop"] ?? ""}:${ha2}`);
    if (fields["username"] !== config.publicKey || fields["response"] !== expected) {
      stats.rejectedCredentials += 1;
      challenge(res, false);
      return;
    }
    if (known.seenNc.has(nc)) {
      stats.replays += 1;
      challenge(res, false);
      return;
    }
    known.seenNc.add(nc);
    serveJob(res);
  }

  function handleToken(req: IncomingMessage, res: ServerResponse): void {
    stats.tokenRequests += 1;
    if (!basicMatches(req.headers.authorization, config.clientId, config.clientSecret)) {
      stats.rejectedCredentials += 1;
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "invalid_client" }));
      return;
    }
    const token = randomBytes(24).toString("base64url");
    tokens.set(token, Date.now() + config.tokenLifetimeSeconds * 1000);
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(
      JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: config.tokenLifetimeSeconds }),
    );
  }

  const server = createServer((req, res) => {
    stats.requests += 1;
    // Drain the body (token and revoke forms are tiny) before answering.
    req.resume();
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (req.method === "POST" && path === "/api/oauth/token") return handleToken(req, res);
      if (req.method === "POST" && path === "/api/oauth/revoke") {
        res.writeHead(200).end();
        return;
      }
      if (req.method !== "GET" || !path.startsWith("/api/atlas/")) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":404}');
        return;
      }
      const authorization = req.headers.authorization ?? "";
      if (authorization.startsWith("Digest ")) return handleDigest(req, res, authorization);
      if (authorization.startsWith("Bearer ")) {
        const expiresAt = tokens.get(authorization.slice("Bearer ".length));
        if (expiresAt !== undefined && Date.now() < expiresAt) return serveJob(res);
        stats.rejectedCredentials += 1;
      } else {
        stats.challenges += 1;
      }
      challenge(res, false);
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
