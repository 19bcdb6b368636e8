import { readBodyBytes } from "./read-body-bytes.js";
import { transportAnswer, type Transport } from "./transport.js";

const EMPTY: Uint8Array = new Uint8Array(0);

/** A `Transport` over a WHATWG `fetch` (the `fetch` option of `createAtlasClient`). */
export function fetchTransport(fetch: (input: Request) => Promise<Response>): Transport {
  return async (url, headers, { signal }) => {
    // "manual": a redirect is handed back, never followed, so credentials stay with the API's origin.
    const response = await fetch(new Request(url, { headers, signal, redirect: "manual" }));
    let bytes = EMPTY;
    if (response.status >= 300 && response.status < 400) await response.body?.cancel();
    else bytes = await readBodyBytes(response, signal);
    return transportAnswer(response.status, response.url || url, response.headers, bytes);
  };
}
