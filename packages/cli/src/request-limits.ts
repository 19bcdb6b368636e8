/**
 * How long each request to Atlas waits for an answer, and how often a read or delete is sent again after a
 * timeout (a create is not: it may have been carried out). These are the client's own defaults, given to
 * it explicitly so that the CLI's messages can state them; no flag changes them (watch's --timeout limits
 * the whole wait, not one request).
 */
export const REQUEST_LIMITS = { timeoutMs: 30_000, maxRetries: 2 } as const satisfies {
  timeoutMs: number;
  maxRetries: number;
};
