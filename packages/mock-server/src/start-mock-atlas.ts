import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { systemClock } from "./clock.js";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT } from "./demo-credentials.js";
import { createDigestAuthenticator } from "./digest-authenticator.js";
import { DOCUMENTED_EXPORT_JOB_DEFINITION } from "./documented-export-job.js";
import { createFaultInjector } from "./fault-injector.js";
import type { Fault } from "./fault-rule.js";
import { createFixedWindowLimiter } from "./fixed-window-limiter.js";
import { handleAtlasApiRequest } from "./handle-atlas-api-request.js";
import { createBucketStore } from "./bucket-store.js";
import { createClusterStore } from "./cluster-store.js";
import { DOCUMENTED_CLUSTER } from "./documented-cluster.js";
import { defaultSnapshots } from "./default-snapshots.js";
import { DOCUMENTED_EXPORT_BUCKET_DEFINITION } from "./documented-export-bucket.js";
import { JOB_DEFAULTS, createJobStore } from "./job-store.js";
import { createSnapshotStore } from "./snapshot-store.js";
import type { MockAtlas } from "./mock-atlas.js";
import type { MockAtlasOptions, MockAtlasTls, RateLimit } from "./mock-atlas-options.js";
import { createStats, resetStats } from "./mock-atlas-stats.js";
import type { MockContext } from "./mock-context.js";
import { apiErrorResponse } from "./api-error.js";
import type { MockResponse } from "./mock-response.js";
import { handleRevokeRequest } from "./handle-revoke-request.js";
import { handleTokenRequest } from "./handle-token-request.js";
import { createTokenIssuer } from "./token-issuer.js";
import { describeValue } from "./describe-value.js";
import { operationHandlers } from "./operation-handlers.js";
import { operationTable } from "@atlas-export/types";
import { createProjectStores } from "./project-stores.js";
import { createRouteTable } from "./route-table.js";

const DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  apiKeys: [DEMO_API_KEY],
  serviceAccounts: [DEMO_SERVICE_ACCOUNT],
  clusters: [DOCUMENTED_CLUSTER],
  jobs: [DOCUMENTED_EXPORT_JOB_DEFINITION],
  buckets: [DOCUMENTED_EXPORT_BUCKET_DEFINITION],
  exportJobLifecycle: JOB_DEFAULTS,
  clock: systemClock,
  faults: [],
  nonceTtlMs: 300_000,
  tokenTtlSeconds: 3600,
  maxLiveTokens: 100,
  tokenRateLimit: { limit: 10, windowMs: 60_000 },
  rateLimit: false,
  tls: false,
} as const satisfies Omit<Required<MockAtlasOptions>, "snapshots">; // snapshots: defaultSnapshots(clock)

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Starts a local MongoDB Atlas emulator for getBackupExportJob and resolves once it listens
 * (over HTTPS when `tls` is given).
 * With neither `apiKeys` nor `serviceAccounts` it accepts DEMO_API_KEY and DEMO_SERVICE_ACCOUNT.
 */
export async function startMockAtlas(options: MockAtlasOptions = {}): Promise<MockAtlas> {
  const resolved = resolveOptions(options);
  const { clock } = resolved;
  const stats = createStats();
  let baseUrl = "";

  const projects = createProjectStores();
  const routes = createRouteTable(operationTable, operationHandlers);
  // `endpoint: "job"` predates operationIds: any method on getBackupExportJob's path.
  const isJobPath = (pathname: string): boolean => {
    const match = routes.match("GET", pathname);
    return match.kind === "operation" && match.route.operationId === "getBackupExportJob";
  };
  const context: MockContext = {
    baseUrl: () => baseUrl,
    stats,
    digest: createDigestAuthenticator({
      users: new Map(resolved.apiKeys.map((key) => [key.publicKey, key.privateKey])),
      clock,
      nonceTtlMs: resolved.nonceTtlMs,
    }),
    tokens: createTokenIssuer({
      clock,
      ttlSeconds: resolved.tokenTtlSeconds,
      maxLive: resolved.maxLiveTokens,
    }),
    serviceAccounts: new Map(
      resolved.serviceAccounts.map((account) => [account.clientId, account.clientSecret]),
    ),
    clock,
    projects,
    // First, so the given clusters are listed before those the snapshots and jobs name.
    clusters: createClusterStore({ projects, initial: resolved.clusters }),
    buckets: createBucketStore({ clock, baseUrl: () => baseUrl, projects, initial: resolved.buckets }),
    snapshots: createSnapshotStore({ clock, baseUrl: () => baseUrl, projects, initial: resolved.snapshots }),
    jobs: createJobStore({ clock, baseUrl: () => baseUrl, projects, initial: resolved.jobs }),
    exportJobLifecycle: { ...JOB_DEFAULTS, ...resolved.exportJobLifecycle },
    apiLimiter:
      resolved.rateLimit === false ? undefined : createFixedWindowLimiter(resolved.rateLimit, clock),
    tokenLimiter:
      resolved.tokenRateLimit === false
        ? undefined
        : createFixedWindowLimiter(resolved.tokenRateLimit, clock),
  };
  const faults = createFaultInjector(resolved.faults);
  // Delay faults wait on real timers; close() ends them so a stopped emulator leaves nothing pending.
  const pendingDelays = new Set<() => void>();
  let closed = false;
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const listener: RequestListener = (request, response) => {
    void handle(request, response).catch((error: unknown) => {
      // A bug in the emulator must not hang the client: answer 500 like Atlas would.
      if (!response.headersSent) {
        send(response, apiErrorResponse(500, "UNEXPECTED_ERROR", `The emulator failed: ${String(error)}`));
      } else {
        response.destroy();
      }
    });
  };
  const server = resolved.tls === false ? createServer(listener) : createTlsServer(resolved.tls, listener);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://mock.invalid");
    stats.requests += 1;
    stats.byPath[url.pathname] = (stats.byPath[url.pathname] ?? 0) + 1;

    const method = request.method ?? "GET";
    const match = routes.match(method, url.pathname);
    const operationId = match.kind === "operation" ? match.route.operationId : undefined;
    if (operationId !== undefined) {
      stats.byOperation[operationId] = (stats.byOperation[operationId] ?? 0) + 1;
    }
    const endpoint = isJobPath(url.pathname)
      ? "job"
      : url.pathname === "/api/oauth/token"
        ? "token"
        : url.pathname === "/api/oauth/revoke"
          ? "revoke"
          : undefined;
    const fault = faults.take({ method, path: url.pathname, endpoint, operationId });
    if (fault !== undefined) stats.faultsInjected += 1;

    if (fault?.type === "delay") {
      await delay(fault.ms);
      if (closed) return;
    }
    if (fault?.type === "reset") {
      request.socket.destroy();
      return;
    }
    if (fault?.type === "html502") {
      send(response, badGatewayPage());
      return;
    }
    if (fault?.type === "status") {
      send(response, statusFault(fault));
      return;
    }

    const body = await readBody(request);
    let answer: MockResponse;
    if (body === undefined) {
      answer = apiErrorResponse(
        413,
        "REQUEST_TOO_LARGE",
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
      );
    } else if (endpoint === "token") {
      answer = handleTokenRequest(request, body, context);
    } else if (endpoint === "revoke") {
      answer = handleRevokeRequest(request, body, context);
    } else if (url.pathname.startsWith("/api/atlas/")) {
      answer = handleAtlasApiRequest(request, url, body, match, context);
    } else {
      answer = apiErrorResponse(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${url.pathname}.`, {
        parameters: [url.pathname],
      });
    }

    if (fault?.type === "wrongContentType") {
      answer.headers["content-type"] = fault.contentType ?? "text/plain; charset=utf-8";
    }
    if (fault?.type === "truncate") {
      sendTruncated(response, answer);
      return;
    }
    send(response, answer);
  }

  function send(response: ServerResponse, answer: MockResponse): void {
    stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
    // RFC 9110 §8.6: no Content-Length (and no body) in a 204.
    if (answer.status === 204) {
      response.writeHead(204, answer.headers);
      response.end();
      return;
    }
    const payload = Buffer.from(answer.body, "utf8");
    response.writeHead(answer.status, { ...answer.headers, "content-length": String(payload.length) });
    response.end(payload);
  }

  /** Promises the whole body in Content-Length, sends half, then drops the connection. */
  function sendTruncated(response: ServerResponse, answer: MockResponse): void {
    stats.byStatus[answer.status] = (stats.byStatus[answer.status] ?? 0) + 1;
    const payload = Buffer.from(answer.body, "utf8");
    response.writeHead(answer.status, { ...answer.headers, "content-length": String(payload.length) });
    response.write(payload.subarray(0, Math.floor(payload.length / 2)), () => response.socket?.destroy());
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === "IPv6" || address.address.includes(":") ? `[${address.address}]` : address.address;
  baseUrl = `${resolved.tls === false ? "http" : "https"}://${host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    stats,
    clusters: context.clusters,
    jobs: context.jobs,
    buckets: context.buckets,
    snapshots: context.snapshots,
    faults: { add: faults.add, clear: faults.clear, list: faults.list },
    resetStats: () => resetStats(stats),
    close() {
      closed = true;
      for (const finish of [...pendingDelays]) finish();
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** An HTTPS server; a key or certificate node:tls cannot use is an option error, not a stack trace. */
function createTlsServer(tls: MockAtlasTls, listener: RequestListener) {
  try {
    return createHttpsServer({ key: tls.key, cert: tls.cert }, listener);
  } catch (error) {
    // OpenSSL's message names what failed (e.g. "unsupported", "key values mismatch") and never the key.
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(
      `@atlas-export/mock-server: option "tls" needs a PEM private key and the certificate for it; node:tls rejected them: ${reason}`,
    );
  }
}

/** Reads the request body as UTF-8 text; undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** What a load balancer in front of Atlas answers when the backend is down: HTML, not JSON. */
function badGatewayPage(): MockResponse {
  return {
    status: 502,
    headers: { "content-type": "text/html" },
    body:
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n" +
      "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n",
  };
}

function statusFault(fault: Extract<Fault, { type: "status" }>): MockResponse {
  const errorCode =
    fault.errorCode ??
    (fault.status === 429
      ? "RATE_LIMITED"
      : fault.status === 503
        ? "SERVICE_UNAVAILABLE"
        : "UNEXPECTED_ERROR");
  return apiErrorResponse(
    fault.status,
    errorCode,
    "Injected fault: the emulator was told to answer this request with an error.",
    {
      headers: fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) },
    },
  );
}

function resolveOptions(options: MockAtlasOptions): Required<MockAtlasOptions> {
  // `got` is the raw value; fail() describes it (never pass a description: it would be described again).
  const fail = (option: string, expected: string, got: unknown): never => {
    throw new TypeError(
      `@atlas-export/mock-server: option "${option}" must be ${expected}, got ${describeValue(got)}`,
    );
  };
  if (typeof options !== "object" || options === null || Array.isArray(options))
    fail("options", "an object", options);
  const clock = options.clock ?? DEFAULTS.clock;
  // Checked first: the default snapshots are placed by the clock's time at start.
  if (typeof clock?.now !== "function") fail("clock", "an object with a now() method", clock);
  const noCredentials = options.apiKeys === undefined && options.serviceAccounts === undefined;
  const resolved: Required<MockAtlasOptions> = {
    host: options.host ?? DEFAULTS.host,
    port: options.port ?? DEFAULTS.port,
    apiKeys: options.apiKeys ?? (noCredentials ? DEFAULTS.apiKeys : []),
    serviceAccounts: options.serviceAccounts ?? (noCredentials ? DEFAULTS.serviceAccounts : []),
    clusters: options.clusters ?? DEFAULTS.clusters,
    jobs: options.jobs ?? DEFAULTS.jobs,
    buckets: options.buckets ?? DEFAULTS.buckets,
    snapshots: options.snapshots ?? defaultSnapshots(clock.now()),
    exportJobLifecycle: options.exportJobLifecycle ?? DEFAULTS.exportJobLifecycle,
    clock,
    faults: options.faults ?? DEFAULTS.faults,
    nonceTtlMs: options.nonceTtlMs ?? DEFAULTS.nonceTtlMs,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    maxLiveTokens: options.maxLiveTokens ?? DEFAULTS.maxLiveTokens,
    tokenRateLimit: options.tokenRateLimit ?? DEFAULTS.tokenRateLimit,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    tls: options.tls ?? DEFAULTS.tls,
  };
  if (typeof resolved.host !== "string" || resolved.host === "")
    fail("host", "a host name or address", resolved.host);
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    fail("port", "an integer 0-65535 (0 picks a free port)", resolved.port);
  }
  if (!Array.isArray(resolved.apiKeys))
    fail("apiKeys", "an array of { publicKey, privateKey }", resolved.apiKeys);
  resolved.apiKeys.forEach((key, index) => {
    if (typeof key !== "object" || key === null)
      fail(`apiKeys[${index}]`, "an object { publicKey, privateKey }", key);
    if (typeof key.publicKey !== "string" || key.publicKey === "" || key.publicKey.includes(":")) {
      fail(`apiKeys[${index}].publicKey`, "a non-empty string without ':'", key.publicKey);
    }
    if (typeof key.privateKey !== "string" || key.privateKey === "") {
      fail(`apiKeys[${index}].privateKey`, "a non-empty string", key.privateKey);
    }
  });
  if (!Array.isArray(resolved.serviceAccounts)) {
    fail("serviceAccounts", "an array of { clientId, clientSecret }", resolved.serviceAccounts);
  }
  resolved.serviceAccounts.forEach((account, index) => {
    if (typeof account !== "object" || account === null)
      fail(`serviceAccounts[${index}]`, "an object { clientId, clientSecret }", account);
    if (typeof account.clientId !== "string" || account.clientId === "" || account.clientId.includes(":")) {
      fail(`serviceAccounts[${index}].clientId`, "a non-empty string without ':'", account.clientId);
    }
    if (typeof account.clientSecret !== "string" || account.clientSecret === "") {
      fail(`serviceAccounts[${index}].clientSecret`, "a non-empty string", account.clientSecret);
    }
  });
  if (!Array.isArray(resolved.clusters))
    fail("clusters", "an array of { groupId, clusterName }", resolved.clusters);
  if (!Array.isArray(resolved.jobs)) fail("jobs", "an array of job definitions", resolved.jobs);
  if (!Array.isArray(resolved.buckets)) fail("buckets", "an array of bucket definitions", resolved.buckets);
  if (!Array.isArray(resolved.snapshots))
    fail("snapshots", "an array of snapshot definitions", resolved.snapshots);
  const lifecycle = resolved.exportJobLifecycle as Record<string, unknown> | null;
  if (typeof lifecycle !== "object" || lifecycle === null) fail("exportJobLifecycle", "an object", lifecycle);
  for (const field of ["totalCollections", "queuedMs", "durationMs"] as const) {
    const value = resolved.exportJobLifecycle[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      fail(`exportJobLifecycle.${field}`, "an integer >= 0", value);
  }
  const outcome = resolved.exportJobLifecycle.outcome;
  if (outcome !== undefined && !["Successful", "Failed", "Cancelled"].includes(outcome))
    fail("exportJobLifecycle.outcome", '"Successful", "Failed" or "Cancelled"', outcome);
  if (!Array.isArray(resolved.faults)) fail("faults", "an array of fault rules", resolved.faults);
  if (!Number.isFinite(resolved.nonceTtlMs) || resolved.nonceTtlMs <= 0)
    fail("nonceTtlMs", "a number > 0", resolved.nonceTtlMs);
  if (!Number.isInteger(resolved.tokenTtlSeconds) || resolved.tokenTtlSeconds <= 0) {
    fail("tokenTtlSeconds", "an integer > 0", resolved.tokenTtlSeconds);
  }
  if (!Number.isInteger(resolved.maxLiveTokens) || resolved.maxLiveTokens < 1) {
    fail("maxLiveTokens", "an integer >= 1", resolved.maxLiveTokens);
  }
  for (const option of ["tokenRateLimit", "rateLimit"] as const) {
    const rate = resolved[option];
    if (rate !== false && !isRateLimit(rate))
      fail(option, "false or { limit: integer >= 1, windowMs: number > 0 }", rate);
  }
  if (resolved.tls !== false && !isTls(resolved.tls)) {
    fail("tls", "false or { key, cert } with non-empty PEM strings or Buffers", resolved.tls);
  }
  return resolved;
}

function isTls(value: unknown): value is MockAtlasTls {
  const pem = (part: unknown): boolean =>
    (typeof part === "string" || Buffer.isBuffer(part)) && part.length > 0;
  const tls = value as MockAtlasTls | null;
  return typeof tls === "object" && tls !== null && pem(tls.key) && pem(tls.cert);
}

function isRateLimit(value: unknown): value is RateLimit {
  const rate = value as RateLimit | null;
  return (
    typeof rate === "object" &&
    rate !== null &&
    Number.isInteger(rate.limit) &&
    rate.limit >= 1 &&
    Number.isFinite(rate.windowMs) &&
    rate.windowMs > 0
  );
}
