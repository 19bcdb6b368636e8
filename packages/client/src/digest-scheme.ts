import { authFailure } from "./auth-failure.js";
import type { AuthScheme, AuthTicket } from "./auth-scheme.js";
import type { AuthSchemeKit } from "./auth-scheme-kit.js";
import { digestAuthorization, pickDigestChallenge, type DigestChallenge } from "./digest-challenge.js";
import { discardBody } from "./discard-body.js";

// This module is imported when `digestAuth(...)` creates its scheme (see lazy-auth-scheme.ts), with the
// challenge parser and the signer: service-account users never load it. What it needs of the code loaded
// up front comes in `kit` (see auth-scheme-kit.ts).

/** The API key a digest scheme signs with. */
export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestTicket extends AuthTicket {
  method: string;
  /** The request-target the digest covers (`uri`, RFC 7616 §3.4): path and query. */
  uri: string;
  /** Set on the one request that went out unsigned to fetch the first challenge. */
  releaseLeader?: () => void;
}

/** A nonce and the last `nc` sent with it. */
interface NonceCounter {
  challenge: DigestChallenge;
  nc: number;
}

/**
 * HTTP Digest authentication (RFC 7616, RFC 2617). Pays the 401 challenge round trip once: later requests
 * reuse the nonce with a new `nc` each (RFC 7616 §3.4: the count must grow for every request that uses the
 * nonce), so N sequential calls cost N+1 requests. Concurrent first calls wait for one shared challenge
 * instead of each paying their own.
 */
export function digestScheme(
  credentials: DigestCredentials,
  allowInsecureHttp: boolean,
  kit: AuthSchemeKit,
): AuthScheme<DigestTicket> {
  let current: NonceCounter | undefined;
  let firstChallenge: Promise<void> | undefined;

  const sign = (ticket: DigestTicket, counter: NonceCounter): string => {
    // nc is taken synchronously, so no two requests (concurrent or not) ever send the same count for a nonce
    counter.nc += 1;
    return digestAuthorization(counter.challenge, credentials, ticket.method, ticket.uri, counter.nc);
  };

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

  // The request-target of the last URL signed: polling signs the same URL again and again.
  let lastUri = { url: "", uri: "" };
  const ticketFor = (method: string, url: string): DigestTicket => {
    if (lastUri.url !== url) {
      const { pathname, search } = new URL(url);
      lastUri = { url, uri: pathname + search };
    }
    const ticket: DigestTicket = { method, uri: lastUri.uri, authorization: undefined };
    if (current) {
      ticket.authorization = sign(ticket, current);
      return ticket;
    }
    // No nonce yet: this request fetches the challenge; concurrent ones wait for it.
    let resolveWaiters!: () => void;
    const challengeArrived = new Promise<void>((resolve) => (resolveWaiters = resolve));
    firstChallenge = challengeArrived;
    let released = false;
    ticket.releaseLeader = () => {
      if (released) return;
      released = true;
      if (firstChallenge === challengeArrived) firstChallenge = undefined;
      resolveWaiters();
    };
    return ticket;
  };

  return {
    authorize(target) {
      kit.assertCredentialsMayBeSent(target.url, allowInsecureHttp || target.allowInsecure, "digestAuth");
      if (!current && firstChallenge) {
        return kit
          .untilSettledOrAborted(firstChallenge, target.signal)
          .then(() => ticketFor(target.method, target.url));
      }
      return ticketFor(target.method, target.url);
    },
    async complete(ticket, answer, resend) {
      try {
        if (answer.status !== 401) return answer;
        let challenge = pickDigestChallenge(answer.headers.get("WWW-Authenticate"));
        if (!challenge) return answer;
        // One answer to a fresh challenge and one to a stale nonce per call: a wrong key never loops.
        let answeredFresh = false;
        let answeredStale = false;
        let last = answer;
        while (challenge) {
          if (challenge.stale ? answeredStale : answeredFresh) break;
          if (challenge.stale) answeredStale = true;
          else answeredFresh = true;
          const next = adopt(challenge);
          ticket.releaseLeader?.();
          await discardBody(last);
          last = await resend(sign(ticket, next));
          if (last.status !== 401) return last;
          challenge = pickDigestChallenge(last.headers.get("WWW-Authenticate"));
        }
        throw await authFailure(
          last,
          "Atlas rejected the API key (HTTP Digest): check the public and private key, and that the key may access this project (IP access list, role)",
          kit,
        );
      } finally {
        ticket.releaseLeader?.();
      }
    },
    abandon(ticket) {
      ticket.releaseLeader?.();
    },
    async close() {
      current = undefined;
      counters.clear();
    },
  };
}
