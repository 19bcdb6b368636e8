import type { BackupExportJob, GetBackupExportJobParams, paths } from "@atlas-export/types";
import type { Client } from "openapi-fetch";
import { createClient } from "./openapi-create-client.js";
import type { AtlasClientOptions } from "./atlas-client-options.js";
import { atlasOperations, type AtlasOperations } from "./atlas-operations.js";
import { clientFetch } from "./client-fetch.js";
import { mediaTypeMiddleware } from "./media-type-middleware.js";
import { atlasClientFromEnv, type FromEnvOptions } from "./from-env.js";
import { pathSerializer } from "./path-serializer.js";
import { resolveClientOptions } from "./resolve-client-options.js";
import { retryingClient } from "./retrying-client.js";
import { waitForJob, type WaitForBackupExportJobOptions } from "./wait-for-job.js";
import {
  withDefaultGroupId,
  type AtlasPathParams,
  type GroupIdOptional,
  type GroupIdRequired,
} from "./with-default-group-id.js";

/**
 * The client `createAtlasClient` returns: the named methods, waiting, `api` and `close`. `GroupId` is
 * `GroupIdOptional` for a client created with `projectId` or by `fromEnv()` (calls may leave `groupId` out;
 * from the environment, a call without one rejects before any request when `MONGODB_ATLAS_PROJECT_ID` was
 * not set, since only run time can tell) and `GroupIdRequired` otherwise.
 */
export interface AtlasClient<
  GroupId extends GroupIdOptional = GroupIdRequired,
> extends AtlasOperations<GroupId> {
  /** Polls until the job is `Successful` (resolves) or `Failed`/`Cancelled` (rejects `AtlasExportFailedError`). */
  waitForBackupExportJob(
    params: AtlasPathParams<GetBackupExportJobParams, GroupId>,
    options?: WaitForBackupExportJobOptions,
  ): Promise<BackupExportJob>;
  /**
   * The typed openapi-fetch client every request goes through, named methods included: same auth,
   * `Accept`/`User-Agent`, redirect refusal, timeouts and retries. Returns `{ data, error, response }`.
   * `api.use(middleware)` adds middleware that sees every request.
   */
  readonly api: Client<paths>;
  /**
   * Ends the client: revokes a cached service-account token (and one being minted), and every later call
   * rejects with an `AtlasError` without a request; calls in flight finish without minting a token.
   */
  close(): Promise<void>;
}

export { ATLAS_MEDIA_TYPE } from "./media-type-middleware.js";

/**
 * Creates a typed Atlas client: one openapi-fetch `createClient<paths>()` with the auth middleware, sending
 * every request through the client's `fetch`; `atlas.api` is that client with retries and per-attempt
 * timeouts, and the named methods are thin wrappers over it that return the result or throw an `AtlasError`.
 */
function createAtlasClientImpl(options: AtlasClientOptions = {}): AtlasClient<GroupIdOptional> {
  const resolved = resolveClientOptions(options);
  const inner = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: clientFetch({
      fetch: resolved.transport.fetch,
      userAgent: resolved.userAgent,
      maxResponseBytes: resolved.maxResponseBytes,
    }),
    redirect: "manual",
    pathSerializer,
  });
  inner.use(mediaTypeMiddleware(), ...resolved.middleware);
  if (resolved.auth) inner.use(resolved.auth);
  let closed = false;
  const api = retryingClient(
    inner,
    { ...resolved.retry, timeoutMs: resolved.timeoutMs, baseUrl: resolved.baseUrl },
    resolved.auth,
    () => closed,
  );

  const client: AtlasClient<GroupIdOptional> = {
    api,
    ...atlasOperations({ api, validateResponses: resolved.validateResponses, projectId: resolved.projectId }),
    async waitForBackupExportJob(params, waitOptions = {}) {
      const envelope = (waitOptions as WaitForBackupExportJobOptions | null)?.envelope ?? false;
      const job = withDefaultGroupId("waitForBackupExportJob", params, resolved.projectId);
      return waitForJob((signal) => client.getBackupExportJob(job, { signal, envelope }), job, waitOptions);
    },
    async close() {
      closed = true;
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

/** `createAtlasClient`: with a `projectId`, the named methods' `groupId` is optional. */
export interface CreateAtlasClient {
  (options: AtlasClientOptions & { projectId: string }): AtlasClient<GroupIdOptional>;
  (options?: AtlasClientOptions): AtlasClient<GroupIdRequired>;
  /** Builds a client from `MONGODB_ATLAS_*` variables; `groupId` is optional, checked when a call is made. */
  fromEnv(overrides?: FromEnvOptions): AtlasClient<GroupIdOptional>;
}

/** Creates a client; `createAtlasClient.fromEnv()` builds one from `MONGODB_ATLAS_*` variables. */
export const createAtlasClient: CreateAtlasClient = Object.assign(createAtlasClientImpl, {
  fromEnv: (overrides?: FromEnvOptions) => atlasClientFromEnv(createAtlasClientImpl, overrides),
});
