import type { Middleware } from "openapi-fetch";
import { AUTH_SCHEME } from "./auth-scheme.js";
import { authSchemeKit } from "./auth-scheme-kit.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { lazyAuthMiddleware } from "./lazy-auth-middleware.js";
import { lazyAuthScheme } from "./lazy-auth-scheme.js";

/** Options of `digestAuth`: an Atlas programmatic API key. */
export interface DigestAuthOptions {
  /** The public key: the digest username. */
  publicKey: string;
  /** The private key: the digest password. Never logged, never sent in clear. */
  privateKey: string;
  /** Allow sending credentials over `http://` to a non-loopback host (only when used without the client). */
  allowInsecureHttp?: boolean;
}

/** An openapi-fetch middleware that authenticates with an Atlas API key; `close()` is a no-op. */
export type DigestAuthMiddleware = Middleware & { readonly scheme: "digest"; close(): Promise<void> };

/**
 * HTTP Digest authentication (RFC 7616, RFC 2617) as an openapi-fetch `Middleware`. Pays the 401 challenge
 * round trip once: later requests reuse the nonce with a new `nc` each (RFC 7616 §3.4: the count must grow
 * for every request that uses the nonce), so N sequential calls cost N+1 requests. Concurrent first calls
 * wait for one shared challenge instead of each paying their own.
 */
export function digestAuth(options: DigestAuthOptions): DigestAuthMiddleware {
  for (const key of ["publicKey", "privateKey"] as const) {
    if (typeof options?.[key] !== "string" || options[key] === "") {
      throw new AtlasValidationError(
        `@atlas-export/client: digestAuth({ ${key} }) must be a non-empty string`,
        key,
        "non-empty string",
      );
    }
  }
  const credentials = { username: options.publicKey, password: options.privateKey };
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  const scheme = lazyAuthScheme(() =>
    import("./digest-scheme.js").then((module) =>
      module.digestScheme(credentials, allowInsecureHttp, authSchemeKit),
    ),
  );

  const middleware = {
    scheme: "digest" as const,
    [AUTH_SCHEME]: scheme,
    ...lazyAuthMiddleware(scheme, allowInsecureHttp),
    close: scheme.close,
    toJSON() {
      return { scheme: "digest" };
    },
    [Symbol.for("nodejs.util.inspect.custom")]() {
      return "digestAuth { privateKey: [redacted] }";
    },
  };
  return middleware;
}
