import type { Clock } from "./clock.js";
import type { ClusterRef } from "./cluster-ref.js";
import type { FaultRule } from "./fault-rule.js";
import type { MockExportBucketDefinition } from "./mock-bucket-definition.js";
import type { MockJobDefinition, MockJobLifecycle } from "./mock-job-definition.js";
import type { MockSnapshotDefinition } from "./mock-snapshot-definition.js";

/** A programmatic API key (HTTP Digest: public key = username, private key = password). */
export interface ApiKeyCredential {
  publicKey: string;
  privateKey: string;
}

/** A service account (OAuth 2.0 client credentials exchanged at POST /api/oauth/token). */
export interface ServiceAccountCredential {
  clientId: string;
  clientSecret: string;
}

/** A fixed-window request limit: at most `limit` requests per `windowMs` milliseconds of the clock. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** A PEM private key and certificate chain; the emulator then serves HTTPS. */
export interface MockAtlasTls {
  /** PEM private key of the server certificate. */
  key: string | Buffer;
  /** PEM server certificate (followed by any intermediates). */
  cert: string | Buffer;
}

/** Options of `startMockAtlas`; every field is optional. */
export interface MockAtlasOptions {
  /** Interface to bind (default "127.0.0.1"). */
  host?: string;
  /** Port to bind (default 0: a free port, read it from `url`). */
  port?: number;
  /** API keys accepted with HTTP Digest (default: `[DEMO_API_KEY]` when neither apiKeys nor serviceAccounts is given). */
  apiKeys?: readonly ApiKeyCredential[];
  /** Service accounts accepted at /api/oauth/token (default: `[DEMO_SERVICE_ACCOUNT]` when neither is given). */
  serviceAccounts?: readonly ServiceAccountCredential[];
  /**
   * Clusters that exist at start besides those the snapshots and jobs name (default: `[DOCUMENTED_CLUSTER]`,
   * Cluster0 of project 32b6e34b3d91647abb20e7b8). Cluster-scoped operations on any other cluster answer
   * 404 CLUSTER_NOT_FOUND, as Atlas does.
   */
  clusters?: readonly ClusterRef[];
  /** Jobs the emulator holds at start (default: `[DOCUMENTED_EXPORT_JOB_DEFINITION]`, the page's example). */
  jobs?: readonly MockJobDefinition[];
  /** Export buckets held at start (default: `[DOCUMENTED_EXPORT_BUCKET_DEFINITION]`, the spec's AWS example). */
  buckets?: readonly MockExportBucketDefinition[];
  /**
   * Snapshots held at start, any number per cluster, served newest first (default: three daily
   * snapshots of Cluster0 in project 32b6e34b3d91647abb20e7b8, taken 1, 25 and 49 hours before the
   * clock's time at start; the newest has the documented snapshotId).
   */
  snapshots?: readonly MockSnapshotDefinition[];
  /** How export jobs created with createBackupExportJob run (default: Queued 2 s, InProgress 8 s, 12 collections, Successful). */
  exportJobLifecycle?: MockJobLifecycle;
  /** Time source for lifecycles, nonce/token expiry and rate-limit windows (default: the wall clock). */
  clock?: Clock;
  /** Fault rules, checked in order before each request is handled (default: none). */
  faults?: readonly FaultRule[];
  /** How long a digest nonce stays valid before the server answers stale=true (default 300 000 ms). */
  nonceTtlMs?: number;
  /** Lifetime of an access token in seconds (default 3600, like Atlas). */
  tokenTtlSeconds?: number;
  /** Live (unexpired, unrevoked) tokens one service account may hold; beyond it 403 access_denied (default 100). */
  maxLiveTokens?: number;
  /** Limit of POST /api/oauth/token per client id (default 10 a minute, like Atlas; false: none). */
  tokenRateLimit?: RateLimit | false;
  /** Limit of API requests per credential, with RateLimit-* headers (default false: no limit, no headers). */
  rateLimit?: RateLimit | false;
  /** Serve HTTPS with this key and certificate; `url` then starts with https:// (default false: plain HTTP). */
  tls?: MockAtlasTls | false;
}
