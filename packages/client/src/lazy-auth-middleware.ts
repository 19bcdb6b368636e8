import type { Middleware } from "openapi-fetch";
import type { AuthScheme } from "./auth-scheme.js";
import { authSchemeKit } from "./auth-scheme-kit.js";
import { onFirstUse } from "./on-first-use.js";

type AuthHooks = Required<Pick<Middleware, "onRequest" | "onResponse" | "onError">>;

/**
 * A scheme's openapi-fetch hooks (`authMiddleware`), imported with the first request that goes through
 * openapi-fetch: `getBackupExportJob` calls the scheme directly, so only `atlas.raw` and openapi-fetch
 * clients of the caller's own need them, and openapi-fetch awaits every hook anyway.
 */
export function lazyAuthMiddleware(scheme: AuthScheme, allowInsecureHttp: boolean): AuthHooks {
  const hooks = onFirstUse(() =>
    import("./auth-middleware.js").then((module) =>
      module.authMiddleware(scheme, allowInsecureHttp, authSchemeKit),
    ),
  );
  return {
    onRequest: async (options) => (await hooks()).onRequest(options),
    // openapi-fetch calls these only after every onRequest has run, so the hooks are loaded by then.
    onResponse: async (options) => (await hooks()).onResponse(options),
    onError: async (options) => (await hooks()).onError(options),
  };
}
