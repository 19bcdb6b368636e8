import type { IncomingHttpHeaders } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { HeaderReader } from "./auth-scheme.js";
import { truncatedResponse } from "./read-body-bytes.js";
import { transportAnswer, type Attempt, type Transport, type TransportAnswer } from "./transport.js";

/** Response headers as node:http parsed them (names lower-cased), read through the `Headers` methods used. */
class IncomingHeaders implements HeaderReader {
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of Object.entries(this.raw)) {
      if (value !== undefined) callback(Array.isArray(value) ? value.join(", ") : value, name);
    }
  }
}

/**
 * The default transport on Node.js: one GET over node:http or node:https through Node's global agents
 * (keep-alive since Node 19). It builds no WHATWG `Request`, `Response` or stream per call, which is where
 * `fetch` spends most of its time on a small JSON answer (packages/bench row 1 and 2). Redirects are
 * never followed (node:http does not follow them), so credentials stay with the API's origin.
 *
 * A kept-alive connection the server closed while it sat idle fails the next request sent on it before
 * any answer (ECONNRESET or EPIPE on a reused socket). The GET is sent again at once on a new connection,
 * as Node's documentation advises and as fetch (undici) does, instead of surfacing a connection error.
 */
export const nodeHttpTransport: Transport = (url, headers, attempt) =>
  new Promise((resolve, reject) => sendGet(url, headers, attempt, resolve, reject, true));

/** Sends one GET and settles with its whole answer; a stale kept-alive socket sends it once more. */
function sendGet(
  url: string,
  headers: Record<string, string>,
  attempt: Attempt,
  resolve: (answer: TransportAnswer) => void,
  reject: (error: unknown) => void,
  mayResend: boolean,
): void {
  const send = url.startsWith("https:") ? httpsRequest : httpRequest;
  let answered = false;
  // No `signal` option: node:http would add an abort listener to it (see Attempt.onAbort). The URL goes
  // as a string: in a probe of 10,000 calls, an options object with host, port and path instead grew RSS
  // by some 4 MB more (packages/bench row 5).
  const request = send(url, { method: "GET", headers }, (response) => {
    answered = true;
    const status = response.statusCode ?? 0;
    const chunks: Buffer[] = [];
    let received = 0;
    let ended = false;
    const fail = (error: unknown) => {
      if (ended) return;
      ended = true;
      // A timeout or the caller's abort is not a truncation: let the caller's classification see it.
      reject(
        attempt.aborted
          ? error
          : truncatedResponse(status, new IncomingHeaders(response.headers), chunks, received),
      );
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.byteLength;
    });
    response.on("end", () => {
      if (ended) return;
      ended = true;
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      resolve(transportAnswer(status, url, new IncomingHeaders(response.headers), bytes));
    });
    response.on("error", fail);
    // A connection closed mid-body may end the message without an error event: it never reaches "end".
    // (The error is made only then: building one, with its stack, on every call is measurable.)
    response.on("close", () => {
      if (!ended) fail(new Error("the connection closed before the end of the body"));
    });
  });
  request.on("error", (error: NodeJS.ErrnoException) => {
    const stale =
      !answered && request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
    if (stale && mayResend && !attempt.aborted) sendGet(url, headers, attempt, resolve, reject, false);
    else reject(error);
  });
  attempt.onAbort(() => request.destroy(abortedError(attempt.signal)));
  request.end();
}

/** What an aborted request fails with: the signal's reason when it is an Error (as node:http's would be). */
function abortedError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error("the request was aborted", { cause: reason });
}
