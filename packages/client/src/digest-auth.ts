import type { Middleware } from "openapi-fetch";
import { assertCredentialsMayBeSent } from "./assert-credentials-may-be-sent.js";
import { assertCredential } from "./assert-credential.js";
import { AtlasError } from "./atlas-error.js";
import { authFailure } from "./auth-failure.js";
import { digestAuthorization, pickDigestChallenge, type DigestChallenge } from "./digest-challenge.js";
import { discardBody } from "./discard-body.js";
import { untilSettledOrAborted } from "./until-settled-or-aborted.js";

/** Options of `digestAuth`: an Atlas programmatic API key. */
export interface DigestAuthOptions {
  /** The public key: the digest username. */
  publicKey: string;
  /** The private key: the digest password. Never logged, never sent in clear. */
  privateKey: string;
  /** Allow sending credentials over `http://` to a host that is not loopback (never do this on a network). */
  allowInsecureHttp?: boolean;
}

/** An openapi-fetch middleware that authenticates with an Atlas API key; `close()` forgets the nonce and ends its use. */
export type DigestAuthMiddleware = Middleware & { readonly scheme: "digest"; close(): Promise<void> };

/** A nonce and the last `nc` sent with it. */
interface NonceCounter {
  challenge: DigestChallenge;
  nc: number;
}

/** One request between `onRequest` and `onResponse`. */
interface PendingRequest {
  method: string;
  /** The request-target the digest covers (`uri`, RFC 7616 §3.4): path and query. */
  uri: string;
  /** An unsent copy to answer a challenge with (a body can be read only once). */
  replay: Request;
  /** Set on the one request that went out unsigned to fetch the first challenge. */
  releaseLeader?: (() => void) | undefined;
}

/**
 * HTTP Digest authentication (RFC 7616, RFC 2617) as a plain openapi-fetch `Middleware`, usable on
 * `createAtlasClient` and on any `createClient<paths>()`. It pays the 401 challenge round trip once: later
 * requests reuse the nonce with a new `nc` each (RFC 7616 §3.4: the count must grow for every request that
 * uses the nonce), so N sequential calls cost N+1 requests. Concurrent first calls wait for one shared
 * challenge instead of each paying their own. A 401 is answered in `onResponse` by signing an unsent copy of
 * the request (method and URI in HA2, body intact) and sending it through openapi-fetch's `fetch`.
 */
export function digestAuth(options: DigestAuthOptions): DigestAuthMiddleware {
  for (const key of ["publicKey", "privateKey"] as const) {
    assertCredential("digestAuth", key, options?.[key]);
  }
  const credentials = { username: options.publicKey, password: options.privateKey };
  const allowInsecureHttp = options.allowInsecureHttp ?? false;

  let current: NonceCounter | undefined;
  let closed = false;
  let firstChallenge: Promise<void> | undefined;
  const pending = new Map<string, PendingRequest>();

  // Counters of recent nonces: a server may hand out the same nonce again (Apache derives it from the
  // second it was issued), and a nonce must never see an nc it has seen before.
  const counters = new Map<string, NonceCounter>();
  const adopt = (challenge: DigestChallenge): NonceCounter => {
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

  // nc is taken synchronously, so no two requests (concurrent or not) ever send the same count for a nonce.
  const sign = (request: PendingRequest, counter: NonceCounter): string => {
    counter.nc += 1;
    return digestAuthorization(counter.challenge, credentials, request.method, request.uri, counter.nc);
  };

  /** Makes `request` the one that fetches the first challenge; concurrent requests wait for it. */
  const lead = (request: PendingRequest): void => {
    let resolveWaiters!: () => void;
    const challengeArrived = new Promise<void>((resolve) => (resolveWaiters = resolve));
    firstChallenge = challengeArrived;
    request.releaseLeader = () => {
      request.releaseLeader = undefined;
      if (firstChallenge === challengeArrived) firstChallenge = undefined;
      resolveWaiters();
    };
  };

  const unsentCopy = (request: Request): Request => (request.body === null ? request : request.clone());

  return {
    scheme: "digest",
    async onRequest({ request, id }) {
      if (closed) {
        throw new AtlasError(
          "digestAuth: closed (close() was called); create a new client or digestAuth(...) to make more calls",
        );
      }
      assertCredentialsMayBeSent(request.url, allowInsecureHttp, "digestAuth");
      if (!current && firstChallenge) await untilSettledOrAborted(firstChallenge, request.signal);
      const { pathname, search } = new URL(request.url);
      const entry: PendingRequest = {
        method: request.method,
        uri: pathname + search,
        replay: unsentCopy(request),
      };
      pending.set(id, entry);
      if (current) request.headers.set("Authorization", sign(entry, current));
      else lead(entry);
      return request;
    },
    async onResponse({ response, id, options }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (entry === undefined) return undefined;
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
          const counter = adopt(challenge);
          entry.releaseLeader?.();
          await discardBody(last);
          const copy = unsentCopy(entry.replay);
          copy.headers.set("Authorization", sign(entry, counter));
          last = await options.fetch(copy);
          if (last.status !== 401) return last;
          challenge = pickDigestChallenge(last.headers.get("WWW-Authenticate"));
        }
        // stale=true says the digest was right and only the nonce had expired (RFC 7616 §3.3): a second one
        // in a row is a server whose nonces expire at once, not a wrong key.
        throw await authFailure(
          last,
          challenge?.stale
            ? "the server declared a nonce it had just issued stale again (HTTP Digest stale=true twice in a row); the API key was accepted, but the server's nonce lifetime or clock is off, or something replays requests"
            : "Atlas rejected the API key (HTTP Digest): check the public and private key, and that the key may access this project (IP access list, role)",
        );
      } finally {
        entry.releaseLeader?.();
      }
    },
    onError({ id }) {
      pending.get(id)?.releaseLeader?.();
      pending.delete(id);
      return undefined;
    },
    async close() {
      closed = true;
      current = undefined;
      counters.clear();
    },
    toJSON() {
      return { scheme: "digest" };
    },
    [Symbol.for("nodejs.util.inspect.custom")]() {
      return "digestAuth { privateKey: [redacted] }";
    },
  } as DigestAuthMiddleware;
}
