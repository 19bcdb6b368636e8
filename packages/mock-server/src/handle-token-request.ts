import type { IncomingMessage } from "node:http";
import { authenticateClient } from "./authenticate-client.js";
import type { MockContext } from "./mock-context.js";
import { jsonResponse, type MockResponse } from "./mock-response.js";
import { NO_STORE, isFormRequest, oauthError, oauthMethodNotAllowed } from "./oauth-error.js";

/** POST /api/oauth/token: client credentials for a 3600 s bearer token (limited per client, capped in number). */
export function handleTokenRequest(
  request: IncomingMessage,
  body: string,
  context: MockContext,
): MockResponse {
  if (request.method !== "POST") return oauthMethodNotAllowed();
  const client = authenticateClient(request, context);
  if (!client.ok) return client.response;
  if (context.tokenLimiter !== undefined) {
    const decision = context.tokenLimiter.take(client.clientId);
    if (!decision.allowed) {
      context.stats.rateLimited += 1;
      return oauthError(
        429,
        "too_many_requests",
        "The token endpoint allows 10 requests a minute; reuse the token you have.",
        {
          "retry-after": String(decision.retryAfterSeconds),
          "ratelimit-limit": String(decision.limit),
          "ratelimit-remaining": String(decision.remaining),
        },
      );
    }
  }
  if (!isFormRequest(request.headers["content-type"])) {
    return oauthError(400, "invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  const grantType = new URLSearchParams(body).get("grant_type");
  if (grantType !== "client_credentials") {
    return oauthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
  }
  const minted = context.tokens.mint(client.clientId);
  if (!minted.ok) {
    return oauthError(
      403,
      "access_denied",
      "This service account holds too many live access tokens; revoke or reuse one.",
    );
  }
  context.stats.tokensMinted += 1;
  return jsonResponse(
    200,
    { access_token: minted.token, token_type: "Bearer", expires_in: minted.expiresIn },
    { headers: NO_STORE },
  );
}
