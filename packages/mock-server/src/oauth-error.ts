import { jsonResponse, type MockResponse } from "./mock-response.js";

// RFC 6749 §5.1: token responses must not be cached.
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** An RFC 6749 §5.2 error answer: `{ error, error_description }`. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): MockResponse {
  return jsonResponse(
    status,
    { error, error_description: description },
    { headers: { ...NO_STORE, ...headers } },
  );
}

/** 405 for anything but POST on the OAuth endpoints. */
export function oauthMethodNotAllowed(): MockResponse {
  return oauthError(405, "invalid_request", "Use POST.", { allow: "POST" });
}

/** Whether the request body is declared as a form, as RFC 6749 §4.4.2 requires. */
export function isFormRequest(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}
