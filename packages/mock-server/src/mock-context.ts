import type { DigestAuthenticator } from "./digest-authenticator.js";
import type { FixedWindowLimiter } from "./fixed-window-limiter.js";
import type { JobStore } from "./job-store.js";
import type { MockAtlasStats } from "./mock-atlas-stats.js";
import type { TokenIssuer } from "./token-issuer.js";

/** What the request handlers of one emulator share. */
export interface MockContext {
  /** The emulator's base URL, e.g. "http://127.0.0.1:49321" (known once it listens). */
  baseUrl: () => string;
  stats: MockAtlasStats;
  digest: DigestAuthenticator;
  tokens: TokenIssuer;
  /** clientId -> clientSecret. */
  serviceAccounts: ReadonlyMap<string, string>;
  jobs: JobStore;
  /** Undefined when API rate limiting is off. */
  apiLimiter: FixedWindowLimiter | undefined;
  /** Undefined when the token endpoint is not limited. */
  tokenLimiter: FixedWindowLimiter | undefined;
}
