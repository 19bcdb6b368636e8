import { AtlasApiError } from "./atlas-api-error.js";
import { AtlasConnectionError } from "./atlas-connection-error.js";
import type { AtlasError } from "./atlas-error.js";
import { AtlasTimeoutError } from "./atlas-timeout-error.js";
import { isCertificateFailure } from "./describe-connection-failure.js";
import { RESPONSE_TOO_LARGE, TRUNCATED_RESPONSE } from "./read-body-bytes.js";

/** Statuses an idempotent request may be repeated after: timeouts, rate limits and transient server errors. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that may be sent twice with the effect of once (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** How long the client backs off and how long a `Retry-After` it accepts. */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"): a random
 * delay between half and all of `initialDelayMs · 2^attempt`, capped at `maxDelayMs`.
 */
export function backoffDelay(
  attempt: number,
  initialDelayMs: number,
  maxDelayMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), in milliseconds from `now`;
 * `undefined` when absent or anything else (`-5`, `1.5`, `5 Jan`), so the normal backoff applies.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = parseHttpDate(trimmed, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = `(?<month>${MONTHS.join("|")})`;
const DAY_NAME = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const TIME = "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})";
const HTTP_DATES = [
  // IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
  new RegExp(`^${DAY_NAME}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`),
  // Obsolete RFC 850 form: `Sunday, 06-Nov-94 08:49:37 GMT`.
  new RegExp(
    `^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?<day>\\d{2})-${MONTH}-(?<yy>\\d{2}) ${TIME} GMT$`,
  ),
  // Obsolete asctime form: `Sun Nov  6 08:49:37 1994`, in UTC.
  new RegExp(`^${DAY_NAME} ${MONTH} (?<day>[ \\d]\\d) ${TIME} (?<year>\\d{4})$`),
];

/** An HTTP-date (RFC 9110 §5.6.7) in milliseconds since the epoch, or `undefined` for anything else. */
function parseHttpDate(value: string, now: number): number | undefined {
  const parts = HTTP_DATES.map((form) => form.exec(value)?.groups).find((groups) => groups !== undefined);
  if (parts === undefined) return undefined;
  let year = Number(parts.year);
  if (parts.yy !== undefined) {
    // A two-digit year more than 50 years ahead is the most recent past year with those digits (§5.6.7).
    year = 2000 + Number(parts.yy);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
  }
  const month = MONTHS.indexOf(parts.month!);
  const [day, hour, minute, second] = [parts.day, parts.hour, parts.minute, parts.second].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const time = Date.UTC(year, month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March and 25:00 into the next day: only a real date is a date.
  const check = new Date(time);
  const real =
    check.getUTCDate() === day && check.getUTCMonth() === month && hour <= 23 && minute <= 59 && second <= 60;
  return real ? time : undefined;
}

/** What one attempt ended with: an HTTP answer, or an error before (or while reading) the answer. */
export type AttemptOutcome = { response: Response } | { failure: AtlasError };

/**
 * Milliseconds to wait before attempt `retry + 1`, or `undefined` when the outcome is final.
 *
 * Idempotent methods retry 408/429/5xx, connection errors, timeouts and truncated bodies. POST and PATCH
 * may have been processed by then, so they are sent again only when the answer proves nothing was done:
 * 429, 503 with `Retry-After` (the server refused before working), or a connection refused before a byte
 * was sent — never after a timeout, a reset or another 5xx (GUIDE §3).
 */
export function retryDelay(
  method: string,
  outcome: AttemptOutcome,
  retry: number,
  policy: BackoffPolicy,
): number | undefined {
  const idempotent = IDEMPOTENT_METHODS.has(method.toUpperCase());
  const backoff = backoffDelay(retry, policy.initialDelayMs, policy.maxDelayMs);
  let status: number;
  let retryAfterHeader: string | null;
  if ("response" in outcome) {
    status = outcome.response.status;
    retryAfterHeader = outcome.response.headers.get("Retry-After");
  } else {
    const { failure } = outcome;
    if (failure instanceof AtlasConnectionError) {
      if (isCertificateFailure(failure.code)) return undefined;
      return idempotent || failure.code === "ECONNREFUSED" ? backoff : undefined;
    }
    if (failure instanceof AtlasTimeoutError) return idempotent ? backoff : undefined;
    if (!(failure instanceof AtlasApiError)) return undefined;
    if (failure.errorCode === TRUNCATED_RESPONSE) return idempotent ? backoff : undefined;
    if (failure.errorCode === RESPONSE_TOO_LARGE) return undefined;
    status = failure.status;
    retryAfterHeader = failure.headers["retry-after"] ?? null;
  }
  const retryAfter = parseRetryAfter(retryAfterHeader);
  const retryable = idempotent
    ? RETRYABLE_STATUSES.has(status)
    : status === 429 || (status === 503 && retryAfter !== undefined);
  if (!retryable) return undefined;
  if (retryAfter === undefined) return backoff;
  return retryAfter <= policy.maxRetryAfterMs ? retryAfter : undefined;
}
