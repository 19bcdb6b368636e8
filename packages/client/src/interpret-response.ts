import type { ApiError } from "@atlas-export/types";
import { AtlasApiError } from "./atlas-api-error.js";
import { AtlasAuthError } from "./atlas-auth-error.js";
import { errorHeaders } from "./error-headers.js";
import { shortText } from "./short-text.js";

const SNIPPET_LENGTH = 200;

function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { errorCode?: unknown }).errorCode === "string"
  );
}

/** The error for a non-2xx status, from an Atlas `ApiError` body when there is one. */
function errorFor(status: number, body: unknown, response: Response): AtlasApiError | AtlasAuthError {
  const headers = errorHeaders(response.headers);
  if (status === 401) {
    const code = isApiError(body) ? body.errorCode : "UNAUTHORIZED";
    const detail = isApiError(body) && body.detail ? `: ${shortText(body.detail)}` : "";
    return new AtlasAuthError(
      `401 ${shortText(code, 100)}${detail} (configure digestAuth or serviceAccountAuth with valid credentials)`,
      {
        status,
        errorCode: code,
      },
    );
  }
  if (isApiError(body)) {
    return new AtlasApiError({
      status,
      errorCode: body.errorCode,
      detail: body.detail,
      reason: body.reason,
      parameters: body.parameters,
      headers,
    });
  }
  const text = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  return new AtlasApiError({ status, headers, snippet: snippetOf(text) });
}

/**
 * Turns an answer (its text when successful, its parsed or raw error body otherwise) into a JSON object (a
 * `what`: "job", "bucket", …) or an error. Never lets a `SyntaxError` escape: HTML from a proxy, an empty or
 * truncated body become an `AtlasApiError` with a snippet. Media types with parameters (`;charset=utf-8`)
 * are fine because the text is parsed here.
 */
export function interpretResponse(
  response: Response,
  data: string | undefined,
  error: unknown,
  envelope: boolean,
  what: string,
): unknown {
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("Location");
    const where =
      location && URL.canParse(location, response.url) ? new URL(location, response.url).origin : "elsewhere";
    throw new AtlasApiError({
      status: response.status,
      headers: errorHeaders(response.headers),
      message: `${response.status} REDIRECT: Atlas redirected to ${where}; redirects are not followed so credentials stay with ${new URL(response.url || "http://unknown").origin} — check baseUrl`,
    });
  }
  if (response.status < 200 || response.status >= 300) throw errorFor(response.status, error, response);
  let body: unknown;
  try {
    body = JSON.parse(data ?? "");
  } catch {
    const type = response.headers.get("Content-Type") ?? "no Content-Type";
    throw new AtlasApiError({
      status: response.status,
      headers: errorHeaders(response.headers),
      message: `${response.status} INVALID_RESPONSE: expected a JSON ${what}, got ${type}: ${JSON.stringify(snippetOf(data ?? ""))}`,
      snippet: snippetOf(data ?? ""),
    });
  }
  if (envelope) {
    // envelope=true: Atlas answers 200 with { status, content } for clients that cannot read statuses.
    const wrapped = body as { status?: unknown; content?: unknown };
    if (typeof wrapped !== "object" || wrapped === null || typeof wrapped.status !== "number") {
      throw new AtlasApiError({
        status: response.status,
        headers: errorHeaders(response.headers),
        message: `${response.status} INVALID_RESPONSE: envelope=true was sent but the body is not { status, content }`,
        snippet: snippetOf(data ?? ""),
      });
    }
    if (wrapped.status < 200 || wrapped.status >= 300)
      throw errorFor(wrapped.status, wrapped.content, response);
    // A delete's 204 comes back as { "status": 204 } with no content: nothing to return.
    if (wrapped.status === 204) return undefined;
    body = wrapped.content;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AtlasApiError({
      status: response.status,
      headers: errorHeaders(response.headers),
      message: `${response.status} INVALID_RESPONSE: expected a JSON object for the ${what}, got ${JSON.stringify(snippetOf(JSON.stringify(body) ?? ""))}`,
    });
  }
  return body;
}
