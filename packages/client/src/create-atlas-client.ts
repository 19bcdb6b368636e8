import type { BackupExportJob, GetBackupExportJobParams, paths } from "@atlas-export/types";
import type { Client } from "openapi-fetch";
import { createClient } from "./openapi-create-client.js";
import type { AtlasClientOptions } from "./atlas-client-options.js";
import { callOperation, type CallOptions } from "./call-operation.js";
import { clientFetch } from "./client-fetch.js";
import { atlasClientFromEnv, type FromEnvOptions } from "./from-env.js";
import { getBackupExportJobOperation } from "./operations.js";
import { pathSerializer } from "./path-serializer.js";
import { resolveClientOptions } from "./resolve-client-options.js";
import { retryingClient } from "./retrying-client.js";
import { waitForJob, type WaitForBackupExportJobOptions } from "./wait-for-job.js";

/** Per-call options of `getBackupExportJob`. */
export type GetBackupExportJobOptions = CallOptions;

/** The client `createAtlasClient` returns. */
export interface AtlasClient {
  /** Returns one export job, or throws an `AtlasError`. */
  getBackupExportJob(
    params: GetBackupExportJobParams,
    options?: GetBackupExportJobOptions,
  ): Promise<BackupExportJob>;
  /** Polls until the job is `Successful` (resolves) or `Failed`/`Cancelled` (rejects `AtlasExportFailedError`). */
  waitForBackupExportJob(
    params: GetBackupExportJobParams,
    options?: WaitForBackupExportJobOptions,
  ): Promise<BackupExportJob>;
  /**
   * The typed openapi-fetch client every request goes through, named methods included: same auth,
   * `Accept`/`User-Agent`, redirect refusal, timeouts and retries. Returns `{ data, error, response }`.
   * `api.use(middleware)` adds middleware that sees every request.
   */
  readonly api: Client<paths>;
  /** Releases credentials: revokes a cached service-account token. */
  close(): Promise<void>;
}

/** The versioned media type of the 2023-01-01 Atlas Admin API (GUIDE §4). */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

/**
 * Creates a typed Atlas client: one openapi-fetch `createClient<paths>()` with the auth middleware, sending
 * every request through the client's `fetch`; `atlas.api` is that client with retries and per-attempt
 * timeouts, and the named methods are thin wrappers over it that return the result or throw an `AtlasError`.
 */
function createAtlasClientImpl(options: AtlasClientOptions = {}): AtlasClient {
  const resolved = resolveClientOptions(options);
  const inner = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: clientFetch({ fetch: resolved.transport.fetch, userAgent: resolved.userAgent }),
    headers: { Accept: ATLAS_MEDIA_TYPE },
    redirect: "manual",
    pathSerializer,
  });
  inner.use(...resolved.middleware);
  if (resolved.auth) inner.use(resolved.auth);
  const api = retryingClient(
    inner,
    { ...resolved.retry, timeoutMs: resolved.timeoutMs, baseUrl: resolved.baseUrl },
    resolved.auth,
  );

  const client: AtlasClient = {
    api,
    getBackupExportJob(params, callOptions) {
      return callOperation<BackupExportJob>(
        api,
        resolved.validateResponses,
        getBackupExportJobOperation,
        { path: params },
        callOptions,
      );
    },
    waitForBackupExportJob(params, waitOptions = {}) {
      const envelope = (waitOptions as WaitForBackupExportJobOptions | null)?.envelope ?? false;
      return waitForJob(
        (signal) => client.getBackupExportJob(params, { signal, envelope }),
        params,
        waitOptions,
      );
    },
    async close() {
      await resolved.auth?.close?.();
      await resolved.transport.close();
    },
  };
  Object.defineProperty(client, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => `AtlasClient { baseUrl: ${JSON.stringify(resolved.baseUrl)} }`,
  });
  Object.defineProperty(client, "toJSON", { value: () => ({ baseUrl: resolved.baseUrl }) });
  return client;
}

/** Creates a client; `createAtlasClient.fromEnv()` builds one from `MONGODB_ATLAS_*` variables. */
export const createAtlasClient: typeof createAtlasClientImpl & {
  fromEnv(overrides?: FromEnvOptions): AtlasClient;
} = Object.assign(createAtlasClientImpl, {
  fromEnv: (overrides?: FromEnvOptions) => atlasClientFromEnv(createAtlasClientImpl, overrides),
});
