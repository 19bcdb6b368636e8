import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.js";

export type MintResult = { ok: true; token: string; expiresIn: number } | { ok: false; failure: "cap" };
export type TokenCheck =
  { ok: true; clientId: string } | { ok: false; failure: "unknown" | "expired" | "revoked" };
export type RevokeResult = "revoked" | "unknown" | "not-yours";

export interface TokenIssuer {
  mint(clientId: string): MintResult;
  check(token: string): TokenCheck;
  revoke(clientId: string, token: string): RevokeResult;
  /** Unexpired, unrevoked tokens of a client. */
  liveCount(clientId: string): number;
}

interface IssuedToken {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

/** Opaque bearer tokens with an expiry on the injected clock and a per-client cap on live tokens. */
export function createTokenIssuer(options: {
  clock: Clock;
  ttlSeconds: number;
  maxLive: number;
}): TokenIssuer {
  const tokens = new Map<string, IssuedToken>();
  const isLive = (entry: IssuedToken, now: number): boolean => !entry.revoked && now < entry.expiresAt;

  const liveCount = (clientId: string): number => {
    const now = options.clock.now();
    let count = 0;
    for (const entry of tokens.values()) if (entry.clientId === clientId && isLive(entry, now)) count += 1;
    return count;
  };

  // Tokens dead for over a lifetime are forgotten; until then a request with one is told why it failed.
  const forgetOld = (now: number): void => {
    for (const [token, entry] of tokens) {
      if (now - entry.expiresAt > options.ttlSeconds * 1000) tokens.delete(token);
    }
  };

  return {
    liveCount,
    mint(clientId) {
      const now = options.clock.now();
      forgetOld(now);
      if (liveCount(clientId) >= options.maxLive) return { ok: false, failure: "cap" };
      const token = randomBytes(32).toString("base64url");
      tokens.set(token, { clientId, expiresAt: now + options.ttlSeconds * 1000, revoked: false });
      return { ok: true, token, expiresIn: options.ttlSeconds };
    },
    check(token) {
      const entry = tokens.get(token);
      if (entry === undefined) return { ok: false, failure: "unknown" };
      if (entry.revoked) return { ok: false, failure: "revoked" };
      if (options.clock.now() >= entry.expiresAt) return { ok: false, failure: "expired" };
      return { ok: true, clientId: entry.clientId };
    },
    revoke(clientId, token) {
      const entry = tokens.get(token);
      if (entry === undefined || entry.revoked) return "unknown";
      if (entry.clientId !== clientId) return "not-yours";
      entry.revoked = true;
      return "revoked";
    },
  };
}
