/** Counters the emulator keeps; tests and benchmarks read them from `MockAtlas.stats`. */
export interface MockAtlasStats {
  /** Every HTTP request received. */
  requests: number;
  /** Requests by URL path (no query), e.g. { "/api/oauth/token": 2 }. */
  byPath: Record<string, number>;
  /** Requests by the operation they were routed to (method and path matched), e.g. { listBackupExportJobs: 2 }. */
  byOperation: Record<string, number>;
  /** Responses by HTTP status. */
  byStatus: Record<string, number>;
  /** 401 answers that carried a Digest challenge (a fresh nonce). */
  challenges: number;
  /** Challenges sent with stale=true (a correct digest on an expired nonce). */
  staleNonces: number;
  /** Digest requests rejected because their nc was already used with the nonce (a replay). */
  replaysRejected: number;
  /** Requests authenticated with HTTP Digest. */
  digestAuthenticated: number;
  /** Requests authenticated with a bearer token. */
  bearerAuthenticated: number;
  /** Requests whose credentials were rejected with 401 (wrong, stale, replayed, unknown, expired, revoked); a request without credentials is a challenge, not a failure. */
  authFailures: number;
  /** Access tokens issued by /api/oauth/token. */
  tokensMinted: number;
  /** Access tokens revoked by /api/oauth/revoke. */
  tokensRevoked: number;
  /** 429 answers from the API rate limit or the token endpoint limit. */
  rateLimited: number;
  /** Requests a fault rule acted on. */
  faultsInjected: number;
}

/** Creates zeroed counters. */
export function createStats(): MockAtlasStats {
  return {
    requests: 0,
    byPath: {},
    byOperation: {},
    byStatus: {},
    challenges: 0,
    staleNonces: 0,
    replaysRejected: 0,
    digestAuthenticated: 0,
    bearerAuthenticated: 0,
    authFailures: 0,
    tokensMinted: 0,
    tokensRevoked: 0,
    rateLimited: 0,
    faultsInjected: 0,
  };
}

/** Zeroes every counter in place, so references held by tests stay valid. */
export function resetStats(stats: MockAtlasStats): void {
  Object.assign(stats, createStats());
}
