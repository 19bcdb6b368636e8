/** What a fault rule does to a request it matches. */
export type Fault =
  /** Waits `ms` wall-clock milliseconds, then answers normally (for client timeouts). */
  | { type: "delay"; ms: number }
  /** Destroys the connection without answering (ECONNRESET / "socket hang up" on the client). */
  | { type: "reset" }
  /** Answers normally but closes the connection halfway through the body (Content-Length stays whole). */
  | { type: "truncate" }
  /** Answers 502 with a load balancer's text/html page instead of JSON. */
  | { type: "html502" }
  /** Answers normally but with another Content-Type (default "text/plain; charset=utf-8"). */
  | { type: "wrongContentType"; contentType?: string }
  /** Answers `status` with an ApiError body and, when given, Retry-After (seconds) — e.g. 503 or 429. */
  | { type: "status"; status: number; retryAfter?: number; errorCode?: string };

/** Which requests a rule applies to; every given field must match. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** URL path without query: equal to a string, or tested by a RegExp. */
  path?: string | RegExp;
  /** The endpoint: the export job, the token endpoint or the revoke endpoint. */
  endpoint?: "job" | "token" | "revoke";
  /** The Atlas API operation the request is routed to, by operationId, e.g. "getBackupExportJob". */
  operationId?: string;
}

/**
 * A deterministic fault rule: the first rule (in order) that matches a request and has uses left acts.
 * Example: `{ match: { endpoint: "job" }, skip: 1, times: 2, fault: { type: "status", status: 503, retryAfter: 1 } }`
 * lets the first job request through, then answers the next two with 503.
 */
export interface FaultRule {
  /** Which requests; absent: every request. */
  match?: FaultMatch;
  /** Matching requests to let through before acting (default 0). */
  skip?: number;
  /** How many matching requests to act on (default: every one, forever). */
  times?: number;
  fault: Fault;
}
