import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "./clock.js";
import { parseDigestHeader } from "./parse-digest-header.js";

/** The realm Atlas names in its challenge. */
export const DIGEST_REALM = "MMS Public API";

export type DigestFailure =
  | "malformed" // not a parsable Digest header, or qop/algorithm/realm other than Atlas's
  | "unknown-user"
  | "uri-mismatch"
  | "unknown-nonce" // not a nonce this server issued
  | "wrong-response" // the password (private key) is wrong
  | "stale" // right password, expired nonce: the client may retry at once with the new nonce
  | "replay"; // an nc already used with this nonce

export type DigestResult = { ok: true; username: string } | { ok: false; failure: DigestFailure };

export interface DigestAuthenticator {
  /** A fresh `WWW-Authenticate` value (RFC 7616 §3.3), as Atlas sends it. */
  challenge(stale: boolean): string;
  /** Checks an `Authorization: Digest …` value for a request (RFC 7616 §3.4). */
  verify(header: string, method: string, requestTarget: string): DigestResult;
}

const md5 = (text: string): string => createHash("md5").update(text, "utf8").digest("hex");

/**
 * Server side of HTTP Digest with MD5 and qop="auth" only, which is all Atlas offers.
 * Nonces are self-certifying (issue time + random + HMAC) so an expired one is still recognised as
 * ours and answered stale=true. Each live nonce remembers the nc values used with it: RFC 7616 §3.4 (and
 * RFC 2617 §3.2.2) call a request a replay when "the same nc-value is seen twice". Concurrent requests
 * signed in order may arrive out of order, so a lower nc that was never used is not a replay.
 */
export function createDigestAuthenticator(options: {
  users: ReadonlyMap<string, string>;
  clock: Clock;
  nonceTtlMs: number;
}): DigestAuthenticator {
  const secret = randomBytes(32);
  const usedNc = new Map<string, { counts: Set<number>; issuedAt: number }>();

  const sign = (payload: Buffer): Buffer =>
    createHmac("sha256", secret).update(payload).digest().subarray(0, 16);

  const issueNonce = (): string => {
    const payload = Buffer.alloc(16);
    payload.writeBigUInt64BE(BigInt(Math.max(0, Math.floor(options.clock.now()))));
    randomBytes(8).copy(payload, 8);
    return Buffer.concat([payload, sign(payload)]).toString("base64");
  };

  /** The nonce's issue time, or undefined when this server did not issue it. */
  const nonceIssuedAt = (nonce: string): number | undefined => {
    const raw = Buffer.from(nonce, "base64");
    if (raw.length !== 32 || raw.toString("base64") !== nonce) return undefined;
    const payload = raw.subarray(0, 16);
    if (!timingSafeEqual(raw.subarray(16), sign(payload))) return undefined;
    return Number(payload.readBigUInt64BE(0));
  };

  // Sweeping at most once per nonce lifetime keeps memory bounded without a pass per challenge.
  let lastSweep = Number.NEGATIVE_INFINITY;
  const forgetExpired = (now: number): void => {
    if (now - lastSweep < options.nonceTtlMs) return;
    lastSweep = now;
    for (const [nonce, seen] of usedNc) {
      if (now - seen.issuedAt > options.nonceTtlMs) usedNc.delete(nonce);
    }
  };

  return {
    challenge(stale) {
      forgetExpired(options.clock.now());
      return (
        `Digest realm="${DIGEST_REALM}", domain="", nonce="${issueNonce()}", algorithm=MD5, ` +
        `qop="auth", stale=${stale ? "true" : "false"}`
      );
    },

    verify(header, method, requestTarget) {
      const params = parseDigestHeader(header);
      if (params === undefined) return { ok: false, failure: "malformed" };
      const { username, realm, nonce, uri, response, qop, nc, cnonce } = params;
      const algorithm = params["algorithm"] ?? "MD5";
      if (
        username === undefined ||
        nonce === undefined ||
        uri === undefined ||
        response === undefined ||
        nc === undefined ||
        cnonce === undefined ||
        realm !== DIGEST_REALM ||
        qop !== "auth" ||
        algorithm.toUpperCase() !== "MD5" ||
        !/^[0-9a-fA-F]{8}$/.test(nc)
      ) {
        return { ok: false, failure: "malformed" };
      }
      const password = options.users.get(username);
      if (password === undefined) return { ok: false, failure: "unknown-user" };
      // RFC 7616 §3.4.6: the uri must name the resource actually requested.
      if (uri !== requestTarget) return { ok: false, failure: "uri-mismatch" };
      const issuedAt = nonceIssuedAt(nonce);
      if (issuedAt === undefined) return { ok: false, failure: "unknown-nonce" };

      // RFC 7616 §3.4.1, qop=auth: response = H(H(A1):nonce:nc:cnonce:qop:H(A2)).
      const ha1 = md5(`${username}:${realm}:${password}`);
      const ha2 = md5(`${method}:${uri}`);
      const expected = Buffer.from(md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`), "utf8");
      const given = Buffer.from(response.toLowerCase(), "utf8");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, failure: "wrong-response" };
      }

      const now = options.clock.now();
      // RFC 7616 §3.3: stale=true only when the digest was right and the nonce is no longer valid.
      if (now - issuedAt > options.nonceTtlMs) return { ok: false, failure: "stale" };
      const count = Number.parseInt(nc, 16);
      const seen = usedNc.get(nonce) ?? { counts: new Set<number>(), issuedAt };
      if (seen.counts.has(count)) return { ok: false, failure: "replay" };
      seen.counts.add(count);
      usedNc.set(nonce, seen);
      return { ok: true, username };
    },
  };
}
