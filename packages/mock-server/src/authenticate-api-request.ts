import type { IncomingMessage } from "node:http";
import type { MockContext } from "./mock-context.js";
import { DIGEST_REALM } from "./digest-authenticator.js";
import { apiErrorResponse } from "./api-error.js";
import type { MockResponse } from "./mock-response.js";

export type ApiAuthResult = { ok: true; principal: string } | { ok: false; response: MockResponse };

/**
 * Authenticates an Admin API request with a bearer token or HTTP Digest. Anything else (no header,
 * Basic, a failed digest) gets 401 with a fresh Digest challenge, as Atlas answers.
 */
export function authenticateApiRequest(request: IncomingMessage, context: MockContext): ApiAuthResult {
  const { stats } = context;
  const header = request.headers.authorization ?? "";

  if (/^Bearer\s/i.test(header)) {
    const check = context.tokens.check(header.replace(/^Bearer\s+/i, "").trim());
    if (check.ok) {
      stats.bearerAuthenticated += 1;
      return { ok: true, principal: `serviceAccount:${check.clientId}` };
    }
    stats.authFailures += 1;
    const detail = {
      unknown: "The access token is not valid. Request one from POST /api/oauth/token.",
      expired: "The access token expired. Request a new one from POST /api/oauth/token.",
      revoked: "The access token was revoked. Request a new one from POST /api/oauth/token.",
    }[check.failure];
    // RFC 6750 §3: a rejected bearer token is answered with error="invalid_token".
    return {
      ok: false,
      response: apiErrorResponse(401, "UNAUTHORIZED", detail, {
        headers: {
          "www-authenticate": `Bearer realm="${DIGEST_REALM}", error="invalid_token", error_description="${check.failure} token"`,
        },
      }),
    };
  }

  let stale = false;
  if (/^Digest\s/i.test(header)) {
    const result = context.digest.verify(header, request.method ?? "GET", request.url ?? "/");
    if (result.ok) {
      stats.digestAuthenticated += 1;
      return { ok: true, principal: `apiKey:${result.username}` };
    }
    if (result.failure === "stale") {
      stale = true;
      stats.staleNonces += 1;
    }
    if (result.failure === "replay") stats.replaysRejected += 1;
  }
  stats.authFailures += header === "" ? 0 : 1;
  stats.challenges += 1;
  return {
    ok: false,
    response: apiErrorResponse(401, "UNAUTHORIZED", "You are not authorized for this resource.", {
      headers: { "www-authenticate": context.digest.challenge(stale) },
    }),
  };
}
