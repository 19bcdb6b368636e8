import type { Middleware } from "openapi-fetch";
import type { CaOption } from "./resolve-ca-option.js";
import type { ProxyOption } from "./resolve-proxy-option.js";

/**
 * How failed attempts are repeated. GET, HEAD and DELETE retry 408, 429, 5xx, connection errors, timeouts
 * and truncated bodies; POST and PATCH only 429, 503 with `Retry-After` and refused connections.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retrying off). */
  maxRetries?: number;
  /** Backoff before the first retry (default 500 ms), doubling each time, with jitter. */
  initialDelayMs?: number;
  /** Longest backoff between two attempts (default 8 s). */
  maxDelayMs?: number;
  /** Longest `Retry-After` the client waits for (default 60 s); a longer one ends retrying with the error. */
  maxRetryAfterMs?: number;
}

/** Options of `createAtlasClient`; every field is optional. */
export interface AtlasClientOptions {
  /** `digestAuth(...)`, `serviceAccountAuth(...)` or any openapi-fetch middleware; it runs last, nearest the wire. */
  auth?: Middleware & { close?: () => Promise<void> };
  /** More openapi-fetch middleware (logging, tracing), run in order before `auth` on every request. */
  middleware?: Middleware[];
  /** Default `https://cloud.mongodb.com` (a trailing slash is ignored). */
  baseUrl?: string;
  retry?: RetryOptions;
  /** Limit for each attempt, in milliseconds (default 30 000): middleware, token request and body included. */
  timeoutMs?: number;
  /** Appended to the `User-Agent` (`atlas-export/<version> (node …; <os>; <arch>) <userAgent>`). */
  userAgent?: string;
  /** Sends every request, token requests included (default `globalThis.fetch`): your own fetch, or one with an undici dispatcher. */
  fetch?: (input: Request) => Promise<Response>;
  /**
   * Default: HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy and NO_PROXY decide, as for curl and the Atlas
   * CLI. `false`: never a proxy (Node only); `"http://user:password@proxy:3128"`: this proxy. Not with `fetch`.
   */
  proxy?: ProxyOption;
  /** PEM certificate(s) to trust besides the default ones (a TLS-inspecting proxy's CA). Not with `fetch`. */
  ca?: CaOption;
  /**
   * The project (`groupId`) of named-method calls that name none: `atlas.listExportBuckets({})`. With it set,
   * the methods' types make `groupId` optional. `createAtlasClient.fromEnv()` reads `MONGODB_ATLAS_PROJECT_ID`.
   */
  projectId?: string;
  /** Longest response body read, successes and errors alike (default 4 MiB); a larger one is an `AtlasApiError`. */
  maxResponseBytes?: number;
  /** Check each answer of a named method against the fragment's schema (precompiled; off by default). */
  validateResponses?: boolean;
  /** Allow credentials over `http://` to a host that is not loopback (never do this on a network). */
  allowInsecureHttp?: boolean;
}
