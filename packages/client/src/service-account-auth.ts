import type { Middleware } from "openapi-fetch";
import { assertCredentialsMayBeSent } from "./assert-credentials-may-be-sent.js";
import { assertCredential } from "./assert-credential.js";
import { AtlasAuthError } from "./atlas-auth-error.js";
import { AtlasError } from "./atlas-error.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { authFailure } from "./auth-failure.js";
import { discardBody } from "./discard-body.js";
import { DURATION_RULE, MAX_TIMER_MS } from "./max-timer-ms.js";
import { requestToken, revokeToken } from "./token-endpoint.js";
import { untilSettledOrAborted } from "./until-settled-or-aborted.js";

/** Options of `serviceAccountAuth`: an Atlas service account (OAuth 2.0 client credentials). */
export interface ServiceAccountAuthOptions {
  clientId: string;
  /** Never logged, never sent in clear. */
  clientSecret: string;
  /** Default: the client's `baseUrl` + `/api/oauth/token`. */
  tokenUrl?: string;
  /** Default: the client's `baseUrl` + `/api/oauth/revoke`. */
  revokeUrl?: string;
  /** Mint a new token this long before the cached one expires (default 60 s, at most half its lifetime). */
  refreshBeforeExpiryMs?: number;
  /** Allow sending credentials over `http://` to a host that is not loopback (never do this on a network). */
  allowInsecureHttp?: boolean;
}

/** An openapi-fetch middleware that authenticates with a service account; `close()` revokes its token. */
export type ServiceAccountAuthMiddleware = Middleware & {
  readonly scheme: "serviceAccount";
  /**
   * Revokes the cached token (and one a request in flight is minting) and mints no more: later calls, and
   * calls in flight that would need a new token, reject with an `AtlasError`.
   */
  close(): Promise<void>;
};

const defaults = {
  refreshBeforeExpiryMs: 60_000,
} satisfies Record<string, number>;

/**
 * A token is used at least this long, whatever `expires_in` says (`0` or a few seconds would otherwise
 * mint a token per call); if Atlas rejects it sooner, the 401 re-mints it once.
 */
const MIN_TOKEN_REUSE_MS = 60_000;

/** Atlas's token endpoint allows 10 requests a minute per service account (GUIDE §4); never more are sent. */
const TOKEN_REQUESTS_PER_WINDOW = 10;
const TOKEN_WINDOW_MS = 60_000;

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

/** Where tokens are minted and revoked: the openapi-fetch client's base URL and fetch. */
interface Endpoint {
  baseUrl: string;
  fetch: (input: Request) => Promise<Response>;
}

/** One request between `onRequest` and `onResponse`. */
interface PendingRequest {
  accessToken: string;
  endpoint: Endpoint;
  /** An unsent copy to send again with a new token after a 401 (a body can be read only once). */
  replay: Request;
}

const REJECTED_FRESH_TOKEN =
  "Atlas rejected a freshly minted service-account token: check that the service account may access this project (role, IP access list)";

/**
 * Service-account authentication (OAuth 2.0 client credentials, RFC 6749 §4.4) as a plain openapi-fetch
 * `Middleware`, usable on `createAtlasClient` and on any `createClient<paths>()`. One token is minted and
 * shared by every concurrent call (the token endpoint allows 10 requests a minute and 100 live tokens per
 * account), refreshed shortly before it expires, and dropped and re-minted once when Atlas answers 401 for
 * it. Tokens are minted at the client's `baseUrl` through the client's own `fetch` (openapi-fetch hands
 * both to middleware), with oauth4webapi (see token-endpoint.ts).
 */
export function serviceAccountAuth(options: ServiceAccountAuthOptions): ServiceAccountAuthMiddleware {
  for (const key of ["clientId", "clientSecret"] as const) {
    assertCredential("serviceAccountAuth", key, options?.[key]);
  }
  for (const key of ["tokenUrl", "revokeUrl"] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || !URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      throw new AtlasValidationError(
        `@atlas-export/client: serviceAccountAuth({ ${key} }) must be an absolute URL (http or https)`,
        key,
        "absolute URL",
      );
    }
    const url = new URL(value);
    if (url.username !== "" || url.password !== "") {
      throw new AtlasValidationError(
        `@atlas-export/client: serviceAccountAuth({ ${key} }) must not contain credentials (user:password@)`,
        key,
        "no credentials",
      );
    }
  }
  const refresh = options.refreshBeforeExpiryMs;
  if (
    refresh !== undefined &&
    (typeof refresh !== "number" || !Number.isFinite(refresh) || refresh < 0 || refresh > MAX_TIMER_MS)
  ) {
    throw new AtlasValidationError(
      `@atlas-export/client: serviceAccountAuth({ refreshBeforeExpiryMs }) must be a ${DURATION_RULE} (got ${String(refresh)})`,
      "refreshBeforeExpiryMs",
      DURATION_RULE,
    );
  }
  const { clientId, clientSecret, tokenUrl, revokeUrl } = options;
  const refreshBeforeExpiryMs = options.refreshBeforeExpiryMs ?? defaults.refreshBeforeExpiryMs;
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  // GUIDE §4: Atlas expects `Basic base64(clientId:clientSecret)` exactly. oauth4webapi's ClientSecretBasic
  // form-encodes both first (RFC 6749 §2.3.1), turning the `_` of every Atlas client id into `%5F`, which
  // only a strictly conforming server decodes; the raw pair is what Atlas and its SDKs send.
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`, "utf8").toString("base64")}`;

  let token: Token | undefined;
  let minting: Promise<Token> | undefined;
  let lastEndpoint: Endpoint | undefined;
  const pending = new Map<string, PendingRequest>();
  /** When the token requests of the last minute were sent (a sliding window). */
  let tokenRequestTimes: number[] = [];
  /** Set by `close()`: no token is minted any more, and one minted by a request in flight is revoked. */
  let closed = false;
  const minted: Token[] = [];
  const closedError = () =>
    new AtlasError(
      "serviceAccountAuth: closed (close() was called), so it mints no more tokens; create a new client or serviceAccountAuth(...) to make more calls",
    );

  const endpointTarget = (endpoint: Endpoint) => ({
    clientId,
    basic,
    tokenUrl: tokenUrl ?? `${endpoint.baseUrl}/api/oauth/token`,
    revokeUrl: revokeUrl ?? `${endpoint.baseUrl}/api/oauth/revoke`,
    fetch: endpoint.fetch,
  });

  const mint = async (endpoint: Endpoint): Promise<Token> => {
    const target = endpointTarget(endpoint);
    assertCredentialsMayBeSent(target.tokenUrl, allowInsecureHttp, "serviceAccountAuth token endpoint");
    const now = Date.now();
    tokenRequestTimes = tokenRequestTimes.filter((sent) => now - sent < TOKEN_WINDOW_MS);
    if (tokenRequestTimes.length >= TOKEN_REQUESTS_PER_WINDOW) {
      const retryAfterMs = tokenRequestTimes[0]! + TOKEN_WINDOW_MS - now;
      throw new AtlasAuthError(
        `service account: not asking ${target.tokenUrl} for another token: ${TOKEN_REQUESTS_PER_WINDOW} token requests in the last minute already, the endpoint's limit (are tokens being revoked elsewhere?); retry after ${Math.ceil(retryAfterMs / 1000)} s`,
        { retryAfterMs, errorCode: "TOKEN_RATE_LIMIT" },
      );
    }
    tokenRequestTimes.push(now);
    const { accessToken, lifetimeMs } = await requestToken(target);
    const useFor = Math.max(MIN_TOKEN_REUSE_MS, lifetimeMs - Math.min(refreshBeforeExpiryMs, lifetimeMs / 2));
    return { accessToken, refreshAt: Date.now() + useFor };
  };

  const getToken = (endpoint: Endpoint): Promise<Token> => {
    if (closed) return Promise.reject(closedError());
    if (token && Date.now() < token.refreshAt) return Promise.resolve(token);
    // Single flight: every caller that needs a token while one is being minted shares that one request.
    minting ??= mint(endpoint).then(
      (fresh) => {
        minting = undefined;
        // close() came while this token was being minted: it revokes it; nobody may use it.
        if (closed) {
          minted.push(fresh);
          throw closedError();
        }
        token = fresh;
        return fresh;
      },
      (error: unknown) => {
        minting = undefined;
        throw error;
      },
    );
    return minting;
  };

  const unsentCopy = (request: Request): Request => (request.body === null ? request : request.clone());

  return {
    scheme: "serviceAccount",
    async onRequest({ request, id, options: client }) {
      if (closed) throw closedError();
      assertCredentialsMayBeSent(request.url, allowInsecureHttp, "serviceAccountAuth");
      const endpoint: Endpoint = { baseUrl: client.baseUrl, fetch: client.fetch };
      lastEndpoint = endpoint;
      const { accessToken } = await untilSettledOrAborted(getToken(endpoint), request.signal);
      pending.set(id, { accessToken, endpoint, replay: unsentCopy(request) });
      request.headers.set("Authorization", `Bearer ${accessToken}`);
      return request;
    },
    async onResponse({ request, response, id, options: client }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (entry === undefined) return undefined;
      const used = entry.accessToken;
      if (response.status !== 401) {
        if (token?.accessToken === used) token.suspect = false;
        return undefined;
      }
      if (token?.accessToken === used && token.suspect)
        throw await authFailure(response, REJECTED_FRESH_TOKEN);
      // Revoked or expired early: drop it (unless a concurrent call already replaced it) and re-mint once.
      if (token?.accessToken === used) token = undefined;
      await discardBody(response);
      const { accessToken } = await untilSettledOrAborted(getToken(entry.endpoint), request.signal);
      const copy = unsentCopy(entry.replay);
      copy.headers.set("Authorization", `Bearer ${accessToken}`);
      const retried = await client.fetch(copy);
      if (retried.status !== 401) return retried;
      if (token?.accessToken === accessToken) token.suspect = true;
      throw await authFailure(retried, REJECTED_FRESH_TOKEN);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
    async close() {
      closed = true;
      await minting?.catch(() => undefined);
      const revoking = [...(token ? [token] : []), ...minted.splice(0)];
      const endpoint = lastEndpoint;
      token = undefined;
      if (revoking.length === 0 || !endpoint) return;
      const target = endpointTarget(endpoint);
      assertCredentialsMayBeSent(target.revokeUrl, allowInsecureHttp, "serviceAccountAuth revoke endpoint");
      for (const { accessToken } of revoking) await revokeToken(target, accessToken);
    },
    toJSON() {
      return { scheme: "serviceAccount", clientId };
    },
    [Symbol.for("nodejs.util.inspect.custom")]() {
      return `serviceAccountAuth { clientId: ${JSON.stringify(clientId)}, clientSecret: [redacted] }`;
    },
  } as ServiceAccountAuthMiddleware;
}
