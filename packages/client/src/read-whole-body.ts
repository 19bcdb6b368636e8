import { readBodyBytes } from "./read-body-bytes.js";

/**
 * Reads the whole body of `response` (see `readBodyBytes`) and returns an equivalent `Response` over the
 * bytes, so that whoever parses it later (openapi-fetch, a middleware) never meets a half-read stream.
 */
export async function readWholeBody(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
): Promise<Response> {
  // 204/205/304 carry no body, and a Response with one of those statuses may not be given one.
  const bytes = [204, 205, 304].includes(response.status)
    ? null
    : await readBodyBytes(response, signal, maxBytes);
  const copy = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A constructed Response has no URL; error messages name the origin that answered.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
