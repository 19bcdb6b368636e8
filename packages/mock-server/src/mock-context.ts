import type { DigestAuthenticator } from "./digest-authenticator.js";
import type { FixedWindowLimiter } from "./fixed-window-limiter.js";
import type { BucketStore } from "./bucket-store.js";
import type { Clock } from "./clock.js";
import type { ClusterStore } from "./cluster-store.js";
import type { JobStore } from "./job-store.js";
import type { MockJobLifecycle } from "./mock-job-definition.js";
import type { ProjectStores } from "./project-stores.js";
import type { SnapshotStore } from "./snapshot-store.js";
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
  clock: Clock;
  /** Every project's buckets, snapshots and jobs. */
  projects: ProjectStores;
  clusters: ClusterStore;
  buckets: BucketStore;
  snapshots: SnapshotStore;
  jobs: JobStore;
  /** How export jobs created through the API run. */
  exportJobLifecycle: Required<MockJobLifecycle>;
  /** Undefined when API rate limiting is off. */
  apiLimiter: FixedWindowLimiter | undefined;
  /** Undefined when the token endpoint is not limited. */
  tokenLimiter: FixedWindowLimiter | undefined;
}
