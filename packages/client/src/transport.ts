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
  /** Aborted by the attempt's timeout or the caller's signal (made on first read: see AttemptState). */
  readonly signal: AbortSignal;
  /** Whether the attempt has been aborted, without making its signal. */
  readonly aborted: boolean;
  /**
   * Runs `cancel` when the attempt is aborted (at once if it already is). The node:http transport cancels
   * through this rather than an abort listener: with one listener per request (node:http's own `signal`
   * option adds one), a bare node:http loop of 10,000 calls ends with about 10 MB more RSS on Node 20.
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

/** An answer over bytes already read (a class: one object per call, no closure for `text`). */
class BytesAnswer implements TransportAnswer {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly headers: HeaderReader,
    readonly bytes: Uint8Array,
  ) {}
  text(): Promise<string> {
    return Promise.resolve(utf8.decode(this.bytes));
  }
}

/** A `TransportAnswer` over bytes already read. */
export function transportAnswer(
  status: number,
  url: string,
  headers: HeaderReader,
  bytes: Uint8Array,
): TransportAnswer {
  return new BytesAnswer(status, url, headers, bytes);
}
