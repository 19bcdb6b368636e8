import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { MockContext } from "./mock-context.js";
import { jsonResponse, type MockResponse } from "./mock-response.js";

// RFC 6749 §5.1: token responses must not be cached.
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** An RFC 6749 §5.2 error answer: `{ error, error_description }`. */
function oauthError(
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

type ClientAuth = { ok: true; clientId: string } | { ok: false; response: MockResponse };

/** RFC 6749 §2.3.1: client id and secret in HTTP Basic (each form-urlencoded before base64). */
function authenticateClient(request: IncomingMessage, context: MockContext): ClientAuth {
  const header = request.headers.authorization ?? "";
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  const decoded = encoded === undefined ? undefined : Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded?.indexOf(":") ?? -1;
  const fail = (description: string): ClientAuth => {
    context.stats.authFailures += header === "" ? 0 : 1;
    return {
      ok: false,
      response: oauthError(401, "invalid_client", description, {
        "www-authenticate": 'Basic realm="MMS Public API"',
      }),
    };
  };
  if (decoded === undefined || colon < 0) {
    return fail("Send the client id and secret as Authorization: Basic base64(clientId:clientSecret).");
  }
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  const expected = context.serviceAccounts.get(clientId);
  if (expected === undefined || !sameText(secret, expected)) {
    return fail("Client authentication failed: unknown client id or wrong secret.");
  }
  return { ok: true, clientId };
}

/** POST /api/oauth/token: client credentials for a 3600 s bearer token (limited per client, capped in number). */
export function handleTokenRequest(
  request: IncomingMessage,
  body: string,
  context: MockContext,
): MockResponse {
  if (request.method !== "POST") return methodNotAllowed();
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
  if (!isForm(request)) {
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

/** POST /api/oauth/revoke (RFC 7009): 200 for a revoked or unknown token, 400 for another client's token. */
export function handleRevokeRequest(
  request: IncomingMessage,
  body: string,
  context: MockContext,
): MockResponse {
  if (request.method !== "POST") return methodNotAllowed();
  const client = authenticateClient(request, context);
  if (!client.ok) return client.response;
  if (!isForm(request)) {
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

function methodNotAllowed(): MockResponse {
  return oauthError(405, "invalid_request", "Use POST.", { allow: "POST" });
}

function isForm(request: IncomingMessage): boolean {
  return (request.headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
