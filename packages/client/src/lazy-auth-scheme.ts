import type { AuthScheme, AuthTicket } from "./auth-scheme.js";
import { onFirstUse } from "./on-first-use.js";
import { untilSettledOrAborted } from "./until-settled-or-aborted.js";

/**
 * An auth scheme whose implementation is imported when the scheme is created (`digestAuth(...)`,
 * `serviceAccountAuth(...)`), not with the package. A program uses one scheme, so API-key users never load
 * the service-account code (nor oauth4webapi) and service-account users never load HTTP Digest; a bundle
 * that splits dynamic imports ships each as a chunk of its own. Once loaded, every request reaches the
 * scheme synchronously, so a cached token or nonce still costs no promise.
 */
export function lazyAuthScheme<T extends AuthTicket>(load: () => Promise<AuthScheme<T>>): AuthScheme<T> {
  let loaded: AuthScheme<T> | undefined;
  const loadOnce = onFirstUse(() => load().then((scheme) => (loaded = scheme)));
  // Started now, so the code is usually there by the first request. A failed load is forgotten by
  // onFirstUse and tried again, with its error reported, by the first request that needs it.
  loadOnce().catch(() => undefined);
  return {
    prepare: () => (loaded ? undefined : loadOnce().then(() => undefined)),
    authorize(target) {
      if (loaded) return loaded.authorize(target);
      return untilSettledOrAborted(loadOnce(), target.signal).then((scheme) => scheme.authorize(target));
    },
    // A ticket exists only once `authorize` has loaded the scheme.
    complete: (ticket, answer, resend) => loaded!.complete(ticket, answer, resend),
    abandon: (ticket) => loaded!.abandon(ticket),
    // Nothing was authorized before the load, so there is nothing to release (no token, no nonce).
    close: async () => loaded?.close(),
  };
}
