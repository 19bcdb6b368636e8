import type { Middleware } from "openapi-fetch";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { AUTH_SCHEME } from "./auth-scheme.js";
import { authSchemeKit } from "./auth-scheme-kit.js";
import { lazyAuthMiddleware } from "./lazy-auth-middleware.js";
import { lazyAuthScheme } from "./lazy-auth-scheme.js";

/** Options of `serviceAccountAuth`: an Atlas service account (OAuth 2.0 client credentials). */
export interface ServiceAccountAuthOptions {
  clientId: string;
  /** Never logged, never sent in clear. */
  clientSecret: string;
  /** Default: the client's `baseUrl` + `/api/oauth/token`. */
  tokenUrl?: string;
  /** Default: the client's `baseUrl` + `/api/oauth/revoke`. */
  revokeUrl?: string;
  /** Mint a new token this long before the cached one expires (default 60 s, at most half its lifetime). */
  refreshBeforeExpiryMs?: number;
  /** Allow sending credentials over `http://` to a non-loopback host (only when used without the client). */
  allowInsecureHttp?: boolean;
}

/** An openapi-fetch middleware that authenticates with a service account; `close()` revokes its token. */
export type ServiceAccountAuthMiddleware = Middleware & {
  readonly scheme: "serviceAccount";
  /** Revokes the cached token (if any) at the revoke endpoint and forgets it. */
  close(): Promise<void>;
};

const defaults = {
  refreshBeforeExpiryMs: 60_000,
} satisfies Record<string, number>;

/**
 * Service-account authentication (OAuth 2.0 client credentials, RFC 6749 §4.4) as an openapi-fetch
 * `Middleware`. One token is minted and shared by every concurrent call (the token endpoint allows 10
 * requests a minute and 100 live tokens per account), refreshed shortly before it expires, and dropped and
 * re-minted once when Atlas answers 401 for it. Token requests and responses go through oauth4webapi (see token-endpoint.ts).
 */
export function serviceAccountAuth(options: ServiceAccountAuthOptions): ServiceAccountAuthMiddleware {
  for (const key of ["clientId", "clientSecret"] as const) {
    if (typeof options?.[key] !== "string" || options[key] === "") {
      throw new AtlasValidationError(
        `@atlas-export/client: serviceAccountAuth({ ${key} }) must be a non-empty string`,
        key,
        "non-empty string",
      );
    }
  }
  for (const key of ["tokenUrl", "revokeUrl"] as const) {
    const value = options[key];
    if (value !== undefined && !URL.canParse(value)) {
      throw new AtlasValidationError(
        `@atlas-export/client: serviceAccountAuth({ ${key} }) must be an absolute URL`,
        key,
        "absolute URL",
      );
    }
  }
  const account = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    tokenUrl: options.tokenUrl,
    revokeUrl: options.revokeUrl,
    refreshBeforeExpiryMs: options.refreshBeforeExpiryMs ?? defaults.refreshBeforeExpiryMs,
  };
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const scheme = lazyAuthScheme(() =>
    import("./service-account-scheme.js").then((module) =>
      module.serviceAccountScheme(account, allowInsecureHttp, authSchemeKit),
    ),
  );

  const middleware = {
    scheme: "serviceAccount" as const,
    [AUTH_SCHEME]: scheme,
    ...lazyAuthMiddleware(scheme, allowInsecureHttp),
    close: scheme.close,
    toJSON() {
      return { scheme: "serviceAccount", clientId: options.clientId };
    },
    [Symbol.for("nodejs.util.inspect.custom")]() {
      return `serviceAccountAuth { clientId: ${JSON.stringify(options.clientId)}, clientSecret: [redacted] }`;
    },
  };
  return middleware;
}
