import { AtlasError } from "./atlas-error.js";
import { shortText } from "./short-text.js";

/** What `AtlasApiError` is built from: the HTTP status, the parsed `ApiError` body fields and the headers. */
export interface AtlasApiErrorInit {
  status: number;
  errorCode?: string | undefined;
  detail?: string | null | undefined;
  reason?: string | null | undefined;
  parameters?: unknown[] | undefined;
  headers?: Record<string, string> | undefined;
  /** A short excerpt of a body that was not an Atlas `ApiError` (HTML from a proxy, empty, truncated). */
  snippet?: string | undefined;
  /** Overrides the generated message. */
  message?: string | undefined;
}

/**
 * Atlas answered with an error status (or a body the client could not use). Carries the `ApiError` fields
 * Atlas documents (`errorCode`, `detail`, `reason`, `parameters`), the response headers (`RateLimit-*`,
 * `Retry-After`) and the request id when Atlas sent one.
 */
export class AtlasApiError extends AtlasError {
  override name = "AtlasApiError";
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly detail: string | undefined;
  readonly reason: string | undefined;
  readonly parameters: unknown[];
  readonly headers: Record<string, string>;
  readonly requestId: string | undefined;
  readonly snippet: string | undefined;

  constructor(init: AtlasApiErrorInit) {
    super(init.message ?? describe(init));
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.detail = init.detail ?? undefined;
    this.reason = init.reason ?? undefined;
    this.parameters = init.parameters ?? [];
    this.headers = init.headers ?? {};
    // Atlas does not document a request-id header; these are the ones its edge and common proxies send.
    this.requestId =
      this.headers["x-request-id"] ?? this.headers["x-atlas-request-id"] ?? this.headers["x-amzn-requestid"];
    this.snippet = init.snippet;
  }
}

/** The message: Atlas's own words, short and without control characters (the fields keep the raw text). */
function describe(init: AtlasApiErrorInit): string {
  const head = `${init.status} ${shortText(init.errorCode ?? init.reason ?? "HTTP_ERROR", 100)}`;
  if (init.detail) return `${head}: ${shortText(init.detail)}`;
  if (init.snippet !== undefined) {
    return `${head}: the response body is not an Atlas error (${init.snippet === "" ? "empty body" : JSON.stringify(shortText(init.snippet, 200))})`;
  }
  return init.reason && init.errorCode ? `${head}: ${shortText(init.reason, 100)}` : head;
}
