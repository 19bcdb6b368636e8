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
import { AtlasAuthError } from "./atlas-auth-error.js";
import { AtlasError } from "./atlas-error.js";
import { AtlasConnectionError } from "./atlas-connection-error.js";
import { parseRetryAfter } from "./retry-delay.js";
import { shortText } from "./short-text.js";
import { systemErrorCode } from "./system-error-code.js";

/** Where and as whom `serviceAccountAuth` asks for and revokes tokens. */
export interface TokenEndpointTarget {
  clientId: string;
  /** `Basic base64(clientId:clientSecret)`, exactly as Atlas expects it (see service-account-auth.ts). */
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
): Promise<{ accessToken: string; lifetimeMs: number }> {
  const { as, client, clientAuth, options } = parts(target);
  let response: Response;
  try {
    response = await clientCredentialsGrantRequest(as, client, clientAuth, {}, options);
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw new AtlasConnectionError(
      `service account: could not reach the token endpoint ${target.tokenUrl}: ${systemErrorCode(error) ?? (error as Error).message}`,
      { cause: error, code: systemErrorCode(error) },
    );
  }
  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers.get("Retry-After"));
  try {
    const answer = await processClientCredentialsResponse(as, client, response);
    if (answer.token_type !== "bearer") {
      throw new AtlasAuthError(
        `service account: the token endpoint returned token_type "${shortText(answer.token_type, 40)}", expected "Bearer"`,
        { status },
      );
    }
    return { accessToken: answer.access_token, lifetimeMs: (answer.expires_in ?? 3600) * 1000 };
  } catch (error) {
    if (error instanceof AtlasAuthError) throw error;
    throw tokenEndpointError(error, status, retryAfterMs, target.tokenUrl);
  }
}

/** Revokes an access token (RFC 7009); rejects with a clear `AtlasAuthError` or `AtlasConnectionError`. */
export async function revokeToken(target: TokenEndpointTarget, accessToken: string): Promise<void> {
  const { as, client, clientAuth, options } = parts(target);
  let response: Response;
  try {
    response = await revocationRequest(as, client, clientAuth, accessToken, {
      ...options,
      additionalParameters: { token_type_hint: "access_token" },
    });
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw new AtlasConnectionError(
      `service account: could not reach the revoke endpoint ${target.revokeUrl}: ${systemErrorCode(error) ?? (error as Error).message}`,
      { cause: error, code: systemErrorCode(error) },
    );
  }
  try {
    await processRevocationResponse(response);
  } catch (error) {
    throw tokenEndpointError(error, response.status, undefined, target.revokeUrl);
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
      ? `${shortText(code, 100)}${description ? `: ${shortText(description)}` : ""}`
      : status === 200
        ? `unusable token response (${(error as Error).message})`
        : "response is not an OAuth error (not JSON or unexpected shape)";
  const wait = retryAfterMs !== undefined ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : "";
  return new AtlasAuthError(
    `service account: ${url} answered ${status} ${what}${hint ? ` — ${hint}` : ""}${wait}`,
    { status, errorCode: code, retryAfterMs },
  );
}
