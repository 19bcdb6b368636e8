import { readBodyBytes } from "./read-body-bytes.js";

/**
 * Reads the whole body of `response` (see `readBodyBytes`: a truncated transfer becomes an `AtlasApiError`)
 * and returns an equivalent Response over the bytes, for callers of `atlas.raw` that parse it themselves.
 */
export async function readWholeBody(response: Response, signal: AbortSignal): Promise<Response> {
  // 204/205/304 carry no body, and a Response with one of those statuses may not be given one.
  if (!response.body || [204, 205, 304].includes(response.status)) return response;
  return new Response(await readBodyBytes(response, signal), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
