import type { Middleware } from "openapi-fetch";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { authFailure } from "./auth-failure.js";
import { digestAuthorization, pickDigestChallenge, type DigestChallenge } from "./digest-challenge.js";
import { assertCredentialsMayBeSent, insecureHttpAllowed } from "./insecure-transport.js";

/** Options of `digestAuth`: an Atlas programmatic API key. */
export interface DigestAuthOptions {
  /** The public key: the digest username. */
  publicKey: string;
  /** The private key: the digest password. Never logged, never sent in clear. */
  privateKey: string;
  /** Allow sending credentials over `http://` to a non-loopback host (only when used without the client). */
  allowInsecureHttp?: boolean;
}

/** An openapi-fetch middleware that authenticates with an Atlas API key; `close()` is a no-op. */
export type DigestAuthMiddleware = Middleware & { readonly scheme: "digest"; close(): Promise<void> };

interface InFlight {
  /** The request to sign again for the challenge's answer (an unsent copy when it has a body: read only once). */
  original: Request;
  /** Set on the one request that went out unsigned to fetch the first challenge. */
  releaseLeader?: () => void;
}

/**
 * HTTP Digest authentication (RFC 7616, RFC 2617) as an openapi-fetch `Middleware`. Pays the 401 challenge
 * round trip once: later requests reuse the nonce with a new `nc` each (RFC 7616 §3.4: the count must grow
 * for every request that uses the nonce), so N sequential calls cost N+1 requests. Concurrent first calls
 * wait for one shared challenge instead of each paying their own.
 */
export function digestAuth(options: DigestAuthOptions): DigestAuthMiddleware {
  for (const key of ["publicKey", "privateKey"] as const) {
    if (typeof options?.[key] !== "string" || options[key] === "") {
      throw new AtlasValidationError(
        `@atlas-export/client: digestAuth({ ${key} }) must be a non-empty string`,
        key,
        "non-empty string",
      );
    }
  }
  const credentials = { username: options.publicKey, password: options.privateKey };
  const allowInsecureHttp = options.allowInsecureHttp ?? false;

  let current: { challenge: DigestChallenge; nc: number } | undefined;
  let firstChallenge: Promise<void> | undefined;
  const inFlight = new Map<string, InFlight>();

  const sign = (request: Request, challenge: { challenge: DigestChallenge; nc: number }): Request => {
    const url = new URL(request.url);
    // nc is taken synchronously, so no two requests (concurrent or not) ever send the same count for a nonce
    challenge.nc += 1;
    // Set in place: the request is this call's own (or an unsent copy of it), and a copy per call would
    // cost a new Request and an abort signal that follows the original.
    request.headers.set(
      "Authorization",
      digestAuthorization(
        challenge.challenge,
        credentials,
        request.method,
        url.pathname + url.search,
        challenge.nc,
      ),
    );
    return request;
  };

  // Counters of recent nonces: a server may hand out the same nonce again (Apache derives it from the
  // second it was issued), and a nonce must never see an nc it has seen before.
  const counters = new Map<string, { challenge: DigestChallenge; nc: number }>();
  const adopt = (challenge: DigestChallenge) => {
    let entry = counters.get(challenge.nonce);
    if (entry) entry.challenge = challenge;
    else {
      entry = { challenge, nc: 0 };
      counters.set(challenge.nonce, entry);
      if (counters.size > 32) counters.delete(counters.keys().next().value!);
    }
    current = entry;
    return entry;
  };

  const middleware = {
    scheme: "digest" as const,
    async onRequest({ request, id }) {
      assertCredentialsMayBeSent(
        request.url,
        allowInsecureHttp || insecureHttpAllowed.has(request),
        "digestAuth",
      );
      if (!current && firstChallenge) await untilSettledOrAborted(firstChallenge, request.signal);
      if (current) {
        inFlight.set(id, { original: unsentCopy(request) });
        return sign(request, current);
      }
      // No nonce yet: this request fetches the challenge; concurrent ones wait for it above.
      let resolveWaiters!: () => void;
      const challengeArrived = new Promise<void>((resolve) => (resolveWaiters = resolve));
      firstChallenge = challengeArrived;
      let released = false;
      const releaseLeader = () => {
        if (released) return;
        released = true;
        if (firstChallenge === challengeArrived) firstChallenge = undefined;
        resolveWaiters();
      };
      inFlight.set(id, { original: unsentCopy(request), releaseLeader });
      return undefined;
    },
    async onResponse({ request, response, id, options: clientOptions }) {
      const state = inFlight.get(id);
      inFlight.delete(id);
      try {
        if (response.status !== 401) return undefined;
        let challenge = pickDigestChallenge(response.headers.get("WWW-Authenticate"));
        if (!challenge) return undefined;
        // One answer to a fresh challenge and one to a stale nonce per call: a wrong key never loops.
        let answeredFresh = false;
        let answeredStale = false;
        let last = response;
        while (challenge) {
          if (challenge.stale ? answeredStale : answeredFresh) break;
          if (challenge.stale) answeredStale = true;
          else answeredFresh = true;
          const next = adopt(challenge);
          state?.releaseLeader?.();
          await last.body?.cancel();
          last = await clientOptions.fetch(sign(unsentCopy(state?.original ?? request), next));
          if (last.status !== 401) return last;
          challenge = pickDigestChallenge(last.headers.get("WWW-Authenticate"));
        }
        throw await authFailure(
          last,
          "Atlas rejected the API key (HTTP Digest): check the public and private key, and that the key may access this project (IP access list, role)",
        );
      } finally {
        state?.releaseLeader?.();
      }
    },
    onError({ id }) {
      inFlight.get(id)?.releaseLeader?.();
      inFlight.delete(id);
      return undefined;
    },
    async close() {
      current = undefined;
      counters.clear();
    },
    toJSON() {
      return { scheme: "digest" };
    },
    [Symbol.for("nodejs.util.inspect.custom")]() {
      return "digestAuth { privateKey: [redacted] }";
    },
  } satisfies Middleware & Record<string, unknown>;
  return middleware;
}

/**
 * A request that can be sent (again): a request without a body is reusable as it is; one with a body is
 * read once, so it needs a copy made before it goes out.
 */
function unsentCopy(request: Request): Request {
  if (request.body === null) return request;
  const copy = request.clone();
  if (insecureHttpAllowed.has(request)) insecureHttpAllowed.add(copy);
  return copy;
}

/** Resolves when `promise` settles; rejects with the signal's reason if the caller aborts first. */
function untilSettledOrAborted(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, reject);
  });
}
