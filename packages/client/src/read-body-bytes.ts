import { AtlasApiError } from "./atlas-api-error.js";
import type { HeaderReader } from "./auth-scheme.js";
import { errorHeaders } from "./error-headers.js";

/** errorCode of the `AtlasApiError` for a body cut off mid-transfer; retried like a connection error. */
export const TRUNCATED_RESPONSE = "TRUNCATED_RESPONSE";

const SNIPPET_LENGTH = 200;

/**
 * The error for a body whose connection closed before its end: the status and a snippet of what did
 * arrive, instead of a bare `TypeError: terminated` or `Error: aborted`.
 */
export function truncatedResponse(
  status: number,
  responseHeaders: HeaderReader,
  chunks: readonly Uint8Array[],
  received: number,
): AtlasApiError {
  const partial = new TextDecoder().decode(Buffer.concat(chunks)).replace(/\s+/g, " ");
  const expected = responseHeaders.get("Content-Length");
  return new AtlasApiError({
    status,
    errorCode: TRUNCATED_RESPONSE,
    headers: errorHeaders(responseHeaders),
    snippet: partial.length > SNIPPET_LENGTH ? `${partial.slice(0, SNIPPET_LENGTH)}…` : partial,
    message: `${status} ${TRUNCATED_RESPONSE}: the connection closed after ${received}${expected ? ` of ${expected}` : ""} bytes of the body: ${JSON.stringify(partial.slice(0, SNIPPET_LENGTH))}`,
  });
}

/**
 * Reads the whole body of `response` before anyone parses it. A connection that drops mid-body (a
 * truncated transfer) becomes a `TRUNCATED_RESPONSE` `AtlasApiError`.
 */
export async function readBodyBytes(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
    }
  } catch (error) {
    // A timeout or the caller's abort is not a truncation: let the caller's classification see it.
    if (signal.aborted) throw error;
    throw truncatedResponse(response.status, response.headers, chunks, received);
  }
  // A small answer arrives in one chunk: no copy needed.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
