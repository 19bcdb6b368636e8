import { onFirstUse } from "./on-first-use.js";

/**
 * The token-endpoint code and oauth4webapi, imported with the first token request rather than with the
 * package: only service accounts mint tokens (about once an hour), so API-key users never load them, and a
 * bundle that splits dynamic imports keeps them out of what loads up front.
 */
export const loadTokenEndpoint = onFirstUse(() => import("./token-endpoint.js"));
