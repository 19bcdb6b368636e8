import type { AtlasClientOptions, RetryOptions } from "./atlas-client-options.js";
import { validatePathParameter } from "@atlas-export/types/validate-path-parameter";
import { assertCredentialsMayBeSent } from "./assert-credentials-may-be-sent.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { DURATION_RULE, MAX_TIMER_MS } from "./max-timer-ms.js";
import { createDefaultFetch } from "./default-fetch.js";
import { resolveCaOption } from "./resolve-ca-option.js";
import { resolveProxyOption } from "./resolve-proxy-option.js";
import { userAgent } from "./user-agent.js";

/** Node cannot hold a string much above 512 MB, and a V8 heap near 2 GB ends the process. */
const MAX_RESPONSE_BYTES = 1024 * 1024 * 1024;

const defaults = {
  baseUrl: "https://cloud.mongodb.com",
  timeoutMs: 30_000,
  validateResponses: false,
  allowInsecureHttp: false,
  userAgent: "",
  middleware: [],
  // Far above any Atlas answer (a page of 500 jobs is some 500 KB), far below what hurts a process.
  maxResponseBytes: 4 * 1024 * 1024,
  retry: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 },
} satisfies Omit<Required<AtlasClientOptions>, "auth" | "fetch" | "proxy" | "ca" | "projectId"> & {
  retry: Required<RetryOptions>;
};

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

/** A duration option: Node's timers fire at once for anything above MAX_TIMER_MS. */
function duration(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw optionError(option, DURATION_RULE, `must be a ${DURATION_RULE} (got ${String(value)})`);
  }
  return value;
}

/** `text` with the userinfo of a URL in it (`//user:pass@`) replaced, so no password is echoed. */
function withoutUserinfo(text: string): string {
  return text.replace(/\/\/[^/?#]*@/, "//[redacted]@");
}

/** The base URL, or an `AtlasValidationError` that says what is wrong with it (never its password). */
function checkedBaseUrl(given: unknown): string {
  if (typeof given !== "string") {
    throw optionError("baseUrl", "absolute http(s) URL", `must be a string (got ${typeof given})`);
  }
  const shown = JSON.stringify(withoutUserinfo(given).slice(0, 200));
  if (given.trim() !== given) {
    throw optionError("baseUrl", "no surrounding spaces", `must not start or end with spaces (got ${shown})`);
  }
  const baseUrl = given.replace(/\/+$/, "");
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw optionError("baseUrl", "absolute http(s) URL", `must be an absolute http(s) URL (got ${shown})`);
  }
  const url = new URL(baseUrl);
  if (url.username !== "" || url.password !== "") {
    throw optionError(
      "baseUrl",
      "no credentials",
      "must not contain credentials (user:password@): pass them to digestAuth or serviceAccountAuth",
    );
  }
  if (baseUrl.includes("?") || baseUrl.includes("#")) {
    throw optionError(
      "baseUrl",
      "no query or fragment",
      `must not have a ?query or #fragment: the operation path is appended to it (got ${shown})`,
    );
  }
  return baseUrl;
}

function isMiddleware(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    ["onRequest", "onResponse", "onError"].some(
      (hook) => typeof (value as Record<string, unknown>)[hook] === "function",
    )
  );
}

/** Checks every option of `createAtlasClient` at once and fills in the defaults. */
export function resolveClientOptions(options: AtlasClientOptions) {
  if (options === null || typeof options !== "object") {
    throw optionError("options", "object", "expects an options object");
  }
  const baseUrl = checkedBaseUrl(options.baseUrl ?? defaults.baseUrl);
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
  const proxy = resolveProxyOption(options.proxy);
  const ca = resolveCaOption(options.ca);
  if (options.fetch !== undefined && (proxy !== undefined || ca !== undefined)) {
    const option = proxy !== undefined ? "proxy" : "ca";
    throw optionError(
      option,
      "not with fetch",
      "configures the client's built-in fetch; your own `fetch` wins, so give it the proxy or CA itself (e.g. an undici dispatcher)",
    );
  }
  if (options.auth !== undefined && !isMiddleware(options.auth)) {
    throw optionError(
      "auth",
      "openapi-fetch middleware",
      "must be digestAuth({ publicKey, privateKey }), serviceAccountAuth({ clientId, clientSecret }) or another openapi-fetch middleware",
    );
  }
  const middleware = options.middleware ?? defaults.middleware;
  if (!Array.isArray(middleware) || !middleware.every(isMiddleware)) {
    throw optionError(
      "middleware",
      "array of openapi-fetch middleware",
      "must be an array of openapi-fetch middleware (objects with onRequest, onResponse or onError)",
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
  const maxResponseBytes = options.maxResponseBytes ?? defaults.maxResponseBytes;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES) {
    throw optionError(
      "maxResponseBytes",
      `integer from 1 to ${MAX_RESPONSE_BYTES}`,
      `must be an integer from 1 to ${MAX_RESPONSE_BYTES} (1 GiB) (got ${String(maxResponseBytes)})`,
    );
  }
  const timeoutMs = duration("timeoutMs", options.timeoutMs, defaults.timeoutMs);
  if (timeoutMs === 0) throw optionError("timeoutMs", "> 0", "must be greater than 0");
  const retry = {
    maxRetries: nonNegative("retry.maxRetries", options.retry?.maxRetries, defaults.retry.maxRetries),
    initialDelayMs: duration(
      "retry.initialDelayMs",
      options.retry?.initialDelayMs,
      defaults.retry.initialDelayMs,
    ),
    maxDelayMs: duration("retry.maxDelayMs", options.retry?.maxDelayMs, defaults.retry.maxDelayMs),
    maxRetryAfterMs: duration(
      "retry.maxRetryAfterMs",
      options.retry?.maxRetryAfterMs,
      defaults.retry.maxRetryAfterMs,
    ),
  } satisfies Required<RetryOptions>;
  if (!Number.isInteger(retry.maxRetries))
    throw optionError("retry.maxRetries", "integer", "must be an integer");
  const { projectId } = options;
  if (projectId !== undefined && validatePathParameter("groupId", projectId).length > 0) {
    throw optionError(
      "projectId",
      "project id",
      `must be a project id of 24 hexadecimal digits, as Atlas shows it (got ${typeof projectId === "string" ? JSON.stringify(projectId.slice(0, 40)) : typeof projectId})`,
    );
  }
  return {
    baseUrl,
    projectId,
    allowInsecureHttp,
    timeoutMs,
    retry,
    middleware,
    maxResponseBytes,
    validateResponses: options.validateResponses ?? defaults.validateResponses,
    userAgent: userAgent(options.userAgent ?? defaults.userAgent),
    // The built-in fetch honours the proxy variables, `proxy` and `ca`; a user's own fetch is used as is.
    transport: options.fetch
      ? { fetch: options.fetch, close: async () => {} }
      : createDefaultFetch({ proxy, ca }),
    auth: options.auth,
  };
}
