import type { BackupExportJob, GetBackupExportJobParams, paths } from "@atlas-export/types";
import type { Client, Middleware } from "openapi-fetch";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { atlasClientFromEnv, type FromEnvOptions } from "./from-env.js";
import { authSchemeOf } from "./auth-scheme.js";
import { DirectAuthTarget } from "./direct-auth-target.js";
import { fetchTransport } from "./fetch-transport.js";
import { assertCredentialsMayBeSent, insecureHttpAllowed } from "./insecure-transport.js";
import { interpretResponse } from "./interpret-response.js";
import { lazyOpenapiClient } from "./lazy-openapi-client.js";
import { nodeHttpTransport } from "./node-http-transport.js";
import { onFirstUse } from "./on-first-use.js";
import { pathSerializer } from "./path-serializer.js";
import { readBodyBytes } from "./read-body-bytes.js";
import { utf8, type Attempt, type Transport, type TransportAnswer } from "./transport.js";
import { readWholeBody } from "./read-whole-body.js";
import { userAgent } from "./user-agent.js";
import { waitForJob, type WaitForBackupExportJobOptions } from "./wait-for-job.js";
import { withRetries } from "./with-retries.js";

/** How failed attempts are repeated. Only idempotent requests (this client sends GETs) are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 turns retrying off). */
  maxRetries?: number;
  /** Backoff before the first retry (default 500 ms), doubling each time, with jitter. */
  initialDelayMs?: number;
  /** Longest backoff between two attempts (default 8 s). */
  maxDelayMs?: number;
  /** Longest `Retry-After` the client waits for (default 60 s); a longer one ends retrying with the error. */
  maxRetryAfterMs?: number;
}

/** Options of `createAtlasClient`; every field is optional. */
export interface AtlasClientOptions {
  /** `digestAuth(...)`, `serviceAccountAuth(...)` or any openapi-fetch middleware. */
  auth?: Middleware & { close?: () => Promise<void> };
  /** Default `https://cloud.mongodb.com` (a trailing slash is ignored). */
  baseUrl?: string;
  retry?: RetryOptions;
  /** Limit for each attempt, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Appended to the `User-Agent` (`atlas-export/<version> (node …; <os>; <arch>) <userAgent>`). */
  userAgent?: string;
  /**
   * Sends every request, token requests included (count or record them here). Without it,
   * `getBackupExportJob` goes over node:http(s) with keep-alive (no `Request`/`Response` objects per call,
   * about twice as fast as `fetch` on a small answer), and `atlas.raw` and token requests use
   * `globalThis.fetch`.
   */
  fetch?: (input: Request) => Promise<Response>;
  /** Check each job Atlas returns against the fragment's schema (precompiled; off by default). */
  validateResponses?: boolean;
  /** Allow credentials over `http://` to a host that is not loopback (never do this on a network). */
  allowInsecureHttp?: boolean;
}

/** Per-call options of `getBackupExportJob`. */
export interface GetBackupExportJobOptions {
  /** Ask Atlas to wrap the answer as `{ status, content }` (sent as `envelope=true`); unwrapped here. */
  envelope?: boolean;
  /** Cancels the call: in-flight request and pending backoff alike. */
  signal?: AbortSignal;
}

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
  /** The typed openapi-fetch client with the auth and safety middleware attached (no retries, no unwrapping). */
  readonly raw: Client<paths>;
  /** Releases credentials: revokes a cached service-account token. */
  close(): Promise<void>;
}

/** The versioned media type of the 2023-01-01 Atlas Admin API (GUIDE §4). */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";
const OPERATION_PATH = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}";

const defaults = {
  baseUrl: "https://cloud.mongodb.com",
  timeoutMs: 30_000,
  validateResponses: false,
  allowInsecureHttp: false,
  userAgent: "",
  retry: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 },
} satisfies Omit<Required<AtlasClientOptions>, "auth" | "fetch"> & { retry: Required<RetryOptions> };

function optionError(option: string, rule: string, message: string): AtlasValidationError {
  return new AtlasValidationError(
    `@atlas-export/client: createAtlasClient({ ${option} }) ${message}`,
    option,
    rule,
  );
}

function nonNegative(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw optionError(option, "finite number >= 0", `must be a finite number >= 0 (got ${String(value)})`);
  }
  return value;
}

function resolveOptions(options: AtlasClientOptions) {
  if (options === null || typeof options !== "object") {
    throw optionError("options", "object", "expects an options object");
  }
  const baseUrl = (options.baseUrl ?? defaults.baseUrl).replace(/\/+$/, "");
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw optionError(
      "baseUrl",
      "absolute http(s) URL",
      `must be an absolute http(s) URL (got ${JSON.stringify(baseUrl)})`,
    );
  }
  const allowInsecureHttp = options.allowInsecureHttp ?? defaults.allowInsecureHttp;
  if (options.auth) {
    assertCredentialsMayBeSent(
      baseUrl,
      allowInsecureHttp,
      "@atlas-export/client: createAtlasClient({ baseUrl })",
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw optionError("fetch", "function", "must be a function (input: Request) => Promise<Response>");
  }
  const auth = options.auth as Record<string, unknown> | undefined;
  if (
    auth !== undefined &&
    (typeof auth !== "object" ||
      auth === null ||
      !["onRequest", "onResponse", "onError"].some((hook) => typeof auth[hook] === "function"))
  ) {
    throw optionError(
      "auth",
      "openapi-fetch middleware",
      "must be digestAuth({ publicKey, privateKey }), serviceAccountAuth({ clientId, clientSecret }) or another openapi-fetch middleware",
    );
  }
  if (
    options.userAgent !== undefined &&
    (typeof options.userAgent !== "string" || !/^[\x20-\x7e]*$/.test(options.userAgent))
  ) {
    throw optionError(
      "userAgent",
      "printable ASCII",
      "must be a string of printable ASCII characters (no line breaks)",
    );
  }
  const timeoutMs = nonNegative("timeoutMs", options.timeoutMs, defaults.timeoutMs);
  if (timeoutMs === 0) throw optionError("timeoutMs", "> 0", "must be greater than 0");
  const retry = {
    maxRetries: nonNegative("retry.maxRetries", options.retry?.maxRetries, defaults.retry.maxRetries),
    initialDelayMs: nonNegative(
      "retry.initialDelayMs",
      options.retry?.initialDelayMs,
      defaults.retry.initialDelayMs,
    ),
    maxDelayMs: nonNegative("retry.maxDelayMs", options.retry?.maxDelayMs, defaults.retry.maxDelayMs),
    maxRetryAfterMs: nonNegative(
      "retry.maxRetryAfterMs",
      options.retry?.maxRetryAfterMs,
      defaults.retry.maxRetryAfterMs,
    ),
  } satisfies Required<RetryOptions>;
  if (!Number.isInteger(retry.maxRetries))
    throw optionError("retry.maxRetries", "integer", "must be an integer");
  return {
    baseUrl,
    allowInsecureHttp,
    timeoutMs,
    retry,
    validateResponses: options.validateResponses ?? defaults.validateResponses,
    userAgent: userAgent(options.userAgent ?? defaults.userAgent),
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
    // getBackupExportJob's own transport: the given fetch, or node:http(s) when there is none.
    send: options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport,
    auth: options.auth,
  };
}

/**
 * Creates a typed client for `getBackupExportJob`: authentication, typed errors, retries with backoff,
 * per-attempt timeouts and a helper that waits for an export to finish. Its calls go over node:http(s)
 * (or the `fetch` option) without openapi-fetch; `raw` is the openapi-fetch client for everything else.
 */
function createAtlasClientImpl(options: AtlasClientOptions = {}): AtlasClient {
  const resolved = resolveOptions(options);

  // Every request, token requests included, leaves through here: one User-Agent, and redirects are
  // handed back instead of followed, so credentials never travel to another origin (GUIDE §3).
  // Requests from openapi-fetch and from the token endpoint code are built here with redirect "manual"
  // and belong to this call alone, so the header is set in place: every Request copy costs an abort
  // signal that follows the original (the bench's row 2 found copies the largest part of the overhead).
  const transport = (request: Request): Promise<Response> => {
    if (request.redirect !== "manual") {
      request = new Request(request, { redirect: "manual" });
    }
    request.headers.set("User-Agent", resolved.userAgent);
    return resolved.fetch(request);
  };

  const raw = lazyOpenapiClient({
    baseUrl: resolved.baseUrl,
    fetch: transport,
    headers: { Accept: ATLAS_MEDIA_TYPE },
    redirect: "manual",
    pathSerializer,
  });
  // The `params` of requests whose successful body getBackupExportJob reads itself (as bytes, with the
  // same truncation check): buffering it here into a second Response would only be read again.
  const readsOwnBody = new WeakSet<object>();
  const guard: Middleware = {
    // Only when there is something to note: openapi-fetch awaits every onRequest there is.
    ...(resolved.allowInsecureHttp && {
      onRequest({ request }) {
        insecureHttpAllowed.add(request);
        return undefined;
      },
    }),
    // Runs after the auth middleware's onResponse (openapi-fetch runs them in reverse), on the final answer.
    async onResponse({ request, response, params }) {
      if (response.status >= 300 && response.status < 400) return undefined; // never read, never followed
      if (response.ok && readsOwnBody.has(params)) return undefined;
      return readWholeBody(response, request.signal);
    },
  };
  raw.use(guard);
  if (resolved.auth) raw.use(resolved.auth);
  const retryPolicy = { ...resolved.retry, timeoutMs: resolved.timeoutMs, baseUrl: resolved.baseUrl };

  // The last job's checked and encoded URL: polling asks for the same job again and again, and equal
  // string parameters always check and encode the same way.
  let lastJob: { groupId: unknown; clusterName: unknown; exportId: unknown; url: string } | undefined;
  const jobUrl = (params: GetBackupExportJobParams): string => {
    const { groupId, clusterName, exportId } = params;
    if (
      lastJob?.groupId === groupId &&
      lastJob.clusterName === clusterName &&
      lastJob.exportId === exportId
    ) {
      return lastJob.url;
    }
    const url =
      resolved.baseUrl + pathSerializer(OPERATION_PATH, params as unknown as Record<string, unknown>);
    lastJob = { groupId, clusterName, exportId, url };
    return url;
  };

  // This package's own auth strategies are used directly by getBackupExportJob, which then sends its GET
  // without openapi-fetch's per-call Request and Response; any other middleware goes through `raw`.
  const scheme = authSchemeOf(resolved.auth);
  const direct = resolved.auth === undefined || scheme !== undefined;
  const plainHeaders = { Accept: ATLAS_MEDIA_TYPE, "User-Agent": resolved.userAgent };
  // An object literal, not `{ ...plainHeaders, Authorization }`: on Node 20 a spread followed by one more
  // property made each call's request objects outlive V8's scavenges (some 12 KB promoted per scavenge
  // where a literal promotes none), and that grew the young generation and RSS (packages/bench row 5).
  const withAuthorization = (authorization: string) => ({
    Accept: ATLAS_MEDIA_TYPE,
    "User-Agent": resolved.userAgent,
    Authorization: authorization,
  });

  /** One attempt of the direct path: authorize, send, and let the scheme answer a 401. */
  async function sendDirect(url: string, attempt: Attempt): Promise<TransportAnswer> {
    const send: Transport = resolved.send;
    if (scheme === undefined) return send(url, plainHeaders, attempt);
    const ticket = await scheme.authorize(
      new DirectAuthTarget(url, attempt, resolved.allowInsecureHttp, resolved.baseUrl, transport),
    );
    let answer: TransportAnswer;
    try {
      answer = await send(
        url,
        ticket.authorization === undefined ? plainHeaders : withAuthorization(ticket.authorization),
        attempt,
      );
    } catch (error) {
      scheme.abandon(ticket);
      throw error;
    }
    return scheme.complete(ticket, answer, (authorization) =>
      send(url, withAuthorization(authorization), attempt),
    );
  }

  /** One attempt through openapi-fetch, for an `auth` middleware that is not this package's. */
  async function sendRaw(
    params: GetBackupExportJobParams,
    url: string,
    envelope: boolean,
    signal: AbortSignal,
  ) {
    const requestParams = { path: params, ...(envelope ? { query: { envelope: true } } : {}) };
    readsOwnBody.add(requestParams);
    const { data, error, response } = await raw.GET(OPERATION_PATH, {
      params: requestParams,
      // (openapi-fetch hands its pathSerializer the base URL joined with the path template.)
      pathSerializer: () => url,
      parseAs: "stream",
      signal,
    });
    // An error status arrives already read (the guard buffered it, openapi-fetch parsed it into `error`).
    const text = data ? utf8.decode(await readBodyBytes(response, signal)) : undefined;
    return interpretResponse(response, text, error, envelope);
  }

  const client: AtlasClient = {
    raw,
    async getBackupExportJob(params, callOptions = {}) {
      const envelope = callOptions.envelope ?? false;
      // Validate and encode once, before the first attempt, so a bad id fails at once, not after retries;
      // every attempt then sends exactly this path.
      const url = jobUrl(params);
      // The auth scheme's code, if it is still loading: before the attempt's timer starts (see prepare).
      const preparing = scheme?.prepare?.();
      if (preparing) await preparing;
      const job = await withRetries(retryPolicy, callOptions.signal, async (attempt) => {
        if (!direct) return sendRaw(params, url, envelope, attempt.signal);
        const answer = await sendDirect(envelope ? `${url}?envelope=true` : url, attempt);
        const text = utf8.decode(answer.bytes);
        if (answer.status >= 200 && answer.status < 300)
          return interpretResponse(answer, text, undefined, envelope);
        // As openapi-fetch reads an error body: JSON when it parses, the text otherwise.
        let error: unknown = text;
        try {
          error = JSON.parse(text);
        } catch {
          // not JSON: the text is the error body
        }
        return interpretResponse(answer, undefined, error, envelope);
      });
      if (resolved.validateResponses) {
        const violation = (await loadJobValidator())(job)[0];
        if (violation) {
          throw new AtlasValidationError(
            `the job Atlas returned does not match the schema DiskBackupExportJob at ${violation.pointer || "/"}: ${violation.message}`,
            violation.pointer,
            violation.keyword,
          );
        }
      }
      return job;
    },
    waitForBackupExportJob(params, waitOptions = {}) {
      const envelope = waitOptions.envelope ?? false;
      return waitForJob(
        (signal) => client.getBackupExportJob(params, { signal, envelope }),
        params,
        waitOptions,
      );
    },
    async close() {
      await resolved.auth?.close?.();
    },
  };
  Object.defineProperty(client, Symbol.for("nodejs.util.inspect.custom"), {
    value: () => `AtlasClient { baseUrl: ${JSON.stringify(resolved.baseUrl)} }`,
  });
  Object.defineProperty(client, "toJSON", { value: () => ({ baseUrl: resolved.baseUrl }) });
  return client;
}

/**
 * The precompiled job validator, loaded on first use: only `validateResponses: true` needs it, so a default
 * client neither loads it nor, in a bundle that splits dynamic imports, ships it up front.
 */
const loadJobValidator = onFirstUse(() =>
  import("@atlas-export/types/validate-backup-export-job").then((module) => module.validateBackupExportJob),
);

/** Creates a client; `createAtlasClient.fromEnv()` builds one from `MONGODB_ATLAS_*` variables. */
export const createAtlasClient: typeof createAtlasClientImpl & {
  fromEnv(overrides?: FromEnvOptions): AtlasClient;
} = Object.assign(createAtlasClientImpl, {
  fromEnv: (overrides?: FromEnvOptions) => atlasClientFromEnv(createAtlasClientImpl, overrides),
});
