import { AtlasApiError } from "./atlas-api-error.js";
import { errorHeaders } from "./error-headers.js";

/** errorCode of the `AtlasApiError` for a body cut off mid-transfer; retried like a connection error. */
export const TRUNCATED_RESPONSE = "TRUNCATED_RESPONSE";

/** errorCode of the `AtlasApiError` for a body larger than `maxResponseBytes`; never retried. */
export const RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";

function tooLarge(response: Response, maxBytes: number): AtlasApiError {
  return new AtlasApiError({
    status: response.status,
    errorCode: RESPONSE_TOO_LARGE,
    headers: errorHeaders(response.headers),
    message: `${response.status} ${RESPONSE_TOO_LARGE}: the response body is larger than maxResponseBytes (${maxBytes} bytes); it was not read further`,
  });
}

const SNIPPET_LENGTH = 200;

/**
 * The error for a body whose connection closed before its end: the status and a snippet of what did
 * arrive, instead of a bare `TypeError: terminated`.
 */
function truncatedResponse(
  response: Response,
  chunks: readonly Uint8Array[],
  received: number,
): AtlasApiError {
  const partial = new TextDecoder().decode(Buffer.concat(chunks)).replace(/\s+/g, " ");
  const expected = response.headers.get("Content-Length");
  return new AtlasApiError({
    status: response.status,
    errorCode: TRUNCATED_RESPONSE,
    headers: errorHeaders(response.headers),
    snippet: partial.length > SNIPPET_LENGTH ? `${partial.slice(0, SNIPPET_LENGTH)}…` : partial,
    message: `${response.status} ${TRUNCATED_RESPONSE}: the connection closed after ${received}${expected ? ` of ${expected}` : ""} bytes of the body: ${JSON.stringify(partial.slice(0, SNIPPET_LENGTH))}`,
  });
}

/**
 * Reads the whole body of `response` before anyone parses it, at most `maxBytes` of it: a larger body (by
 * its Content-Length, or counted as it streams, so an endless chunked body too) is cancelled and becomes a
 * `RESPONSE_TOO_LARGE` `AtlasApiError`. A connection that drops mid-body becomes a `TRUNCATED_RESPONSE`
 * `AtlasApiError`; an abort of `signal` (timeout or caller) stops the read at once and rejects with the
 * signal's reason, even with a `fetch` that does not watch the signal itself.
 */
export async function readBodyBytes(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  if (Number(response.headers.get("Content-Length")) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge(response, maxBytes);
  }
  const reader = response.body.getReader();
  const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        chunks.length = 0;
        await reader.cancel().catch(() => undefined);
        throw tooLarge(response, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    // A timeout or the caller's abort is not a truncation: let the caller's classification see it.
    if (signal.aborted) throw signal.reason;
    if (error instanceof AtlasApiError) throw error;
    throw truncatedResponse(response, chunks, received);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  return Buffer.concat(chunks);
}
