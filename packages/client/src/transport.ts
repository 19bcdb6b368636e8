import type { AuthAnswer, HeaderReader } from "./auth-scheme.js";

/** An answer read to its end: status, headers and the whole body. */
export interface TransportAnswer extends AuthAnswer {
  readonly status: number;
  /** The URL that answered (redirects are never followed, so the one asked). */
  readonly url: string;
  readonly headers: HeaderReader;
  readonly bytes: Uint8Array;
}

/**
 * Sends one GET and reads the whole answer. A body cut off mid-transfer rejects with the
 * `TRUNCATED_RESPONSE` `AtlasApiError`; a timeout or abort rejects with whatever the signal caused.
 */
export type Transport = (
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
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
