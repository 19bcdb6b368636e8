import { AtlasAuthError } from "./atlas-auth-error.js";
import { AtlasConnectionError } from "./atlas-connection-error.js";
import { assertCredentialsMayBeSent, insecureHttpAllowed } from "./insecure-transport.js";
import { parseRetryAfter } from "./retry-delay.js";
import { untilSettledOrAborted } from "./until-settled-or-aborted.js";

/**
 * What the lazily imported auth code (digest-scheme.ts, service-account-scheme.ts, auth-middleware.ts)
 * uses of the code every program loads anyway, handed to it instead of imported. A module imported both
 * up front and by a lazy chunk becomes a chunk of its own in this package's ESM build and in bundlers like
 * esbuild: one more file that every program loads, compressed apart from the rest (some 0.6 KB more
 * gzipped up front). Handed over, the lazy code imports only code of its own, and the error classes stay
 * the very classes the package exports, so `instanceof` holds.
 */
export const authSchemeKit = {
  AtlasAuthError,
  AtlasConnectionError,
  assertCredentialsMayBeSent,
  insecureHttpAllowed,
  parseRetryAfter,
  untilSettledOrAborted,
};

export type AuthSchemeKit = typeof authSchemeKit;
