import { readWholeBody } from "./read-whole-body.js";

/** What `clientFetch` needs: the user's `fetch` (or the global one) and the `User-Agent` to send. */
export interface ClientFetchOptions {
  fetch: (input: Request) => Promise<Response>;
  userAgent: string;
  /** Longest body read, successes and errors alike (see `readBodyBytes`). */
  maxResponseBytes: number;
}

/**
 * The one way a request of `createAtlasClient` leaves the process: API calls from openapi-fetch, digest
 * re-sends and token requests alike. It sets the `User-Agent`, never follows a redirect (the 3xx comes back
 * as the answer, so credentials never travel to another origin, GUIDE §3), and reads the whole body inside
 * the attempt, at most `maxResponseBytes` of it, so a stalled, truncated or endless body meets the
 * attempt's timeout or becomes a clear error instead of exhausting memory.
 */
export function clientFetch(options: ClientFetchOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const outgoing = request.redirect === "manual" ? request : new Request(request, { redirect: "manual" });
    outgoing.headers.set("User-Agent", options.userAgent);
    const response = await options.fetch(outgoing);
    return readWholeBody(response, outgoing.signal, options.maxResponseBytes);
  };
}
