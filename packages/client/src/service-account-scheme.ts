import { authFailure } from "./auth-failure.js";
import type { AuthScheme, AuthTarget, AuthTicket } from "./auth-scheme.js";
import type { AuthSchemeKit } from "./auth-scheme-kit.js";
import { discardBody } from "./discard-body.js";
import { requestToken, revokeToken } from "./token-endpoint.js";

// This module is imported when `serviceAccountAuth(...)` creates its scheme (see lazy-auth-scheme.ts),
// with the token-endpoint code and oauth4webapi: API-key users never load any of it. What it needs of the
// code loaded up front comes in `kit` (see auth-scheme-kit.ts).

/** The account a service-account scheme mints tokens for, and how early it refreshes them. */
export interface ServiceAccount {
  clientId: string;
  clientSecret: string;
  tokenUrl: string | undefined;
  revokeUrl: string | undefined;
  refreshBeforeExpiryMs: number;
}

interface Token {
  accessToken: string;
  /** `Date.now()` after which the token is no longer used. */
  refreshAt: number;
  /**
   * Atlas answered 401 to this token right after it was minted: the account lacks access (role, IP access
   * list), not a valid token. Kept, so later calls fail with one request instead of minting again each
   * time (10 mints a minute, 100 live tokens); cleared by the first request it passes.
   */
  suspect?: boolean;
}

export interface TokenTicket extends AuthTicket {
  accessToken: string;
  /** Where a replacement token is minted after a 401. */
  endpoint: Endpoint;
  /** The request's target, whose signal a re-mint after a 401 waits on (read only then). */
  target: AuthTarget;
}

interface Endpoint {
  fetch: (input: Request) => Promise<Response>;
  baseUrl: string;
  allowInsecure: boolean;
}

/**
 * Service-account authentication (OAuth 2.0 client credentials, RFC 6749 §4.4). One token is minted and
 * shared by every concurrent call (the token endpoint allows 10 requests a minute and 100 live tokens per
 * account), refreshed shortly before it expires, and dropped and re-minted once when Atlas answers 401 for
 * it. Token requests and responses go through oauth4webapi (see token-endpoint.ts).
 */
export function serviceAccountScheme(
  options: ServiceAccount,
  allowInsecureHttp: boolean,
  kit: AuthSchemeKit,
): AuthScheme<TokenTicket> {
  const { refreshBeforeExpiryMs } = options;
  // GUIDE §4: Atlas expects `Basic base64(clientId:clientSecret)` exactly. oauth4webapi's ClientSecretBasic
  // form-encodes both first (RFC 6749 §2.3.1), turning the `_` of every Atlas client id into `%5F`, which
  // only a strictly conforming server decodes; the raw pair is what Atlas and its SDKs send.
  const basic = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`, "utf8").toString("base64")}`;

  let token: Token | undefined;
  let minting: Promise<Token> | undefined;
  let lastEndpoint: Endpoint | undefined;

  const tokenEndpoint = (endpoint: Endpoint) => ({
    clientId: options.clientId,
    basic,
    tokenUrl: options.tokenUrl ?? `${endpoint.baseUrl}/api/oauth/token`,
    revokeUrl: options.revokeUrl ?? `${endpoint.baseUrl}/api/oauth/revoke`,
    fetch: endpoint.fetch,
  });

  const mint = async (endpoint: Endpoint): Promise<Token> => {
    const target = tokenEndpoint(endpoint);
    kit.assertCredentialsMayBeSent(
      target.tokenUrl,
      endpoint.allowInsecure,
      "serviceAccountAuth token endpoint",
    );
    const { accessToken, lifetimeMs } = await requestToken(target, kit);
    return {
      accessToken,
      refreshAt: Date.now() + lifetimeMs - Math.min(refreshBeforeExpiryMs, lifetimeMs / 2),
    };
  };

  const getToken = (endpoint: Endpoint): Promise<Token> => {
    lastEndpoint = endpoint;
    if (token && Date.now() < token.refreshAt) return Promise.resolve(token);
    // Single flight: every caller that needs a token while one is being minted shares that one request.
    minting ??= mint(endpoint).then(
      (fresh) => {
        token = fresh;
        minting = undefined;
        return fresh;
      },
      (error: unknown) => {
        minting = undefined;
        throw error;
      },
    );
    return minting;
  };

  const ticketFor = (accessToken: string, endpoint: Endpoint, target: AuthTarget): TokenTicket => ({
    authorization: `Bearer ${accessToken}`,
    accessToken,
    endpoint,
    target,
  });

  return {
    authorize(target) {
      const allowInsecure = allowInsecureHttp || target.allowInsecure;
      kit.assertCredentialsMayBeSent(target.url, allowInsecure, "serviceAccountAuth");
      const endpoint = { fetch: target.fetch, baseUrl: target.baseUrl, allowInsecure };
      lastEndpoint = endpoint;
      // Fast path: a cached token needs no promise and no abort listener.
      if (token && Date.now() < token.refreshAt) return ticketFor(token.accessToken, endpoint, target);
      return kit
        .untilSettledOrAborted(getToken(endpoint), target.signal)
        .then((fresh) => ticketFor(fresh.accessToken, endpoint, target));
    },
    async complete(ticket, answer, resend) {
      const used = ticket.accessToken;
      if (answer.status !== 401) {
        if (token?.accessToken === used) token.suspect = false;
        return answer;
      }
      if (token?.accessToken === used && token.suspect) {
        throw await authFailure(answer, REJECTED_FRESH_TOKEN, kit);
      }
      // Revoked or expired early: drop it (unless a concurrent call already replaced it) and re-mint once.
      if (token?.accessToken === used) token = undefined;
      await discardBody(answer);
      const { accessToken } = await kit.untilSettledOrAborted(
        getToken(ticket.endpoint),
        ticket.target.signal,
      );
      const retried = await resend(`Bearer ${accessToken}`);
      if (retried.status !== 401) return retried;
      if (token?.accessToken === accessToken) token.suspect = true;
      throw await authFailure(retried, REJECTED_FRESH_TOKEN, kit);
    },
    abandon() {
      // A token is shared, not held per request: nothing to release.
    },
    async close() {
      await minting?.catch(() => undefined);
      const revoking = token;
      const endpoint = lastEndpoint;
      token = undefined;
      if (!revoking || !endpoint) return;
      const target = tokenEndpoint(endpoint);
      kit.assertCredentialsMayBeSent(
        target.revokeUrl,
        endpoint.allowInsecure,
        "serviceAccountAuth revoke endpoint",
      );
      await revokeToken(target, revoking.accessToken, kit);
    },
  };
}

const REJECTED_FRESH_TOKEN =
  "Atlas rejected a freshly minted service-account token: check that the service account may access this project (role, IP access list)";
