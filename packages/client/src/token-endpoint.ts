import {
  allowInsecureRequests,
  clientCredentialsGrantRequest,
  customFetch,
  processClientCredentialsResponse,
  processRevocationResponse,
  ResponseBodyError,
  revocationRequest,
  WWWAuthenticateChallengeError,
  type AuthorizationServer,
  type Client,
  type ClientAuth,
} from "oauth4webapi";
import type { AtlasAuthError } from "./atlas-auth-error.js";
import type { AuthSchemeKit } from "./auth-scheme-kit.js";

// This module is part of what `serviceAccountAuth(...)` imports when it creates its scheme (see
// service-account-scheme.ts), with oauth4webapi: API-key users never load it.

/** Where and as whom `serviceAccountAuth` asks for and revokes tokens. */
export interface TokenEndpointTarget {
  clientId: string;
  /** `Basic base64(clientId:clientSecret)`, exactly as Atlas expects it (see service-account-scheme.ts). */
  basic: string;
  tokenUrl: string;
  revokeUrl: string;
  fetch: (input: Request) => Promise<Response>;
}

const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

function parts(target: TokenEndpointTarget) {
  const as: AuthorizationServer = {
    issuer: new URL(target.tokenUrl).origin,
    token_endpoint: target.tokenUrl,
    revocation_endpoint: target.revokeUrl,
  };
  const client: Client = { client_id: target.clientId };
  const clientAuth: ClientAuth = (_as, _client, _body, headers) => {
    headers.set("authorization", target.basic);
  };
  const options = {
    [customFetch]: (url: string, init: RequestInit) => target.fetch(new Request(url, init)),
    // The HTTPS rule is the caller's (assertCredentialsMayBeSent): loopback test servers speak plain HTTP.
    [allowInsecureRequests]: true,
    signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
  };
  return { as, client, clientAuth, options };
}

/** Mints an access token with client credentials (RFC 6749 §4.4); rejects with a clear `AtlasAuthError`. */
export async function requestToken(
  target: TokenEndpointTarget,
  kit: AuthSchemeKit,
): Promise<{ accessToken: string; lifetimeMs: number }> {
  const { as, client, clientAuth, options } = parts(target);
  let response: Response;
  try {
    response = await clientCredentialsGrantRequest(as, client, clientAuth, {}, options);
  } catch (error) {
    throw new kit.AtlasConnectionError(
      `service account: could not reach the token endpoint ${target.tokenUrl}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const status = response.status;
  const retryAfterMs = kit.parseRetryAfter(response.headers.get("Retry-After"));
  try {
    const answer = await processClientCredentialsResponse(as, client, response);
    if (answer.token_type !== "bearer") {
      throw new kit.AtlasAuthError(
        `service account: the token endpoint returned token_type "${answer.token_type}", expected "Bearer"`,
        { status },
      );
    }
    return { accessToken: answer.access_token, lifetimeMs: (answer.expires_in ?? 3600) * 1000 };
  } catch (error) {
    if (error instanceof kit.AtlasAuthError) throw error;
    throw tokenEndpointError(kit, error, status, retryAfterMs, target.tokenUrl);
  }
}

/** Revokes an access token (RFC 7009); rejects with a clear `AtlasAuthError` or `AtlasConnectionError`. */
export async function revokeToken(
  target: TokenEndpointTarget,
  accessToken: string,
  kit: AuthSchemeKit,
): Promise<void> {
  const { as, client, clientAuth, options } = parts(target);
  let response: Response;
  try {
    response = await revocationRequest(as, client, clientAuth, accessToken, {
      ...options,
      additionalParameters: { token_type_hint: "access_token" },
    });
  } catch (error) {
    throw new kit.AtlasConnectionError(
      `service account: could not reach the revoke endpoint ${target.revokeUrl}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    await processRevocationResponse(response);
  } catch (error) {
    throw tokenEndpointError(kit, error, response.status, undefined, target.revokeUrl);
  }
}

const hints: Record<number, string> = {
  400: "check clientId and clientSecret",
  401: "check clientId and clientSecret",
  403: "the service account may be disabled or already hold its maximum of 100 live tokens",
  429: "the token endpoint allows 10 requests a minute",
};

/** A clear `AtlasAuthError` from whatever oauth4webapi reported about a token or revoke response. */
function tokenEndpointError(
  kit: AuthSchemeKit,
  error: unknown,
  status: number,
  retryAfterMs: number | undefined,
  url: string,
): AtlasAuthError {
  let code: string | undefined;
  let description: string | undefined;
  if (error instanceof ResponseBodyError) {
    code = error.error;
    description = error.error_description;
  } else if (error instanceof WWWAuthenticateChallengeError) {
    code = error.cause[0]?.parameters.error ?? "invalid_client";
  }
  const hint =
    hints[status] ??
    (status >= 500
      ? "the token endpoint failed; try again later"
      : status === 200
        ? ""
        : "unexpected status");
  const what =
    code !== undefined
      ? `${code}${description ? `: ${description}` : ""}`
      : status === 200
        ? `unusable token response (${(error as Error).message})`
        : "response is not an OAuth error (not JSON or unexpected shape)";
  const wait = retryAfterMs !== undefined ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : "";
  return new kit.AtlasAuthError(
    `service account: ${url} answered ${status} ${what}${hint ? ` — ${hint}` : ""}${wait}`,
    { status, errorCode: code, retryAfterMs },
  );
}
