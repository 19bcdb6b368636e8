import type { AuthAnswer, HeaderReader } from "./auth-scheme.js";

/** An answer read to its end: status, headers and the whole body. */
export interface TransportAnswer extends AuthAnswer {
  readonly status: number;
  /** The URL that answered (redirects are never followed, so the one asked). */
  readonly url: string;
  readonly headers: HeaderReader;
  readonly bytes: Uint8Array;
}

/** One attempt of a call: its signal, and a way to be told of its abort without listening to the signal. */
export interface Attempt {
  /** Aborted by the attempt's timeout or the caller's signal. */
  readonly signal: AbortSignal;
  /**
   * Runs `cancel` when the attempt is aborted (at once if it already is). An abort listener on an
   * AbortSignal costs Node 20 about 1 KB of memory that outlives the call (RSS grows by some 10 MB over
   * 10,000 calls, packages/bench row 5); the node:http transport cancels through this instead.
   */
  onAbort(cancel: () => void): void;
}

/**
 * Sends one GET and reads the whole answer. A body cut off mid-transfer rejects with the
 * `TRUNCATED_RESPONSE` `AtlasApiError`; a timeout or abort rejects with whatever the signal caused.
 */
export type Transport = (
  url: string,
  headers: Record<string, string>,
  attempt: Attempt,
) => Promise<TransportAnswer>;

/** Decodes a body as `Response.text()` would (UTF-8, a byte-order mark dropped). */
export const utf8 = new TextDecoder();

/** A `TransportAnswer` over bytes already read. */
export function transportAnswer(
  status: number,
  url: string,
  headers: HeaderReader,
  bytes: Uint8Array,
): TransportAnswer {
  return { status, url, headers, bytes, text: () => Promise.resolve(utf8.decode(bytes)) };
}
