import type { IncomingMessage } from "node:http";
import { authenticateClient } from "./authenticate-client.js";
import type { MockContext } from "./mock-context.js";
import type { MockResponse } from "./mock-response.js";
import { NO_STORE, isFormRequest, oauthError, oauthMethodNotAllowed } from "./oauth-error.js";

/** POST /api/oauth/revoke (RFC 7009): 200 for a revoked or unknown token, 400 for another client's token. */
export function handleRevokeRequest(
  request: IncomingMessage,
  body: string,
  context: MockContext,
): MockResponse {
  if (request.method !== "POST") return oauthMethodNotAllowed();
  const client = authenticateClient(request, context);
  if (!client.ok) return client.response;
  if (!isFormRequest(request.headers["content-type"])) {
    return oauthError(400, "invalid_request", "Send the body as application/x-www-form-urlencoded.");
  }
  const token = new URLSearchParams(body).get("token");
  if (token === null || token === "") {
    return oauthError(400, "invalid_request", "The body needs token=<access token>.");
  }
  const result = context.tokens.revoke(client.clientId, token);
  if (result === "not-yours") {
    return oauthError(400, "invalid_request", "The token was issued to another client.");
  }
  if (result === "revoked") context.stats.tokensRevoked += 1;
  // RFC 7009 §2.2: an invalid or unknown token is answered 200 too.
  return { status: 200, headers: { ...NO_STORE }, body: "" };
}
