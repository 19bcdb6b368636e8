import { onFirstUse } from "./on-first-use.js";

/**
 * The challenge parser and the response computation of HTTP Digest, imported with the first 401 challenge
 * rather than with the package: service-account users never load them, and a bundle that splits dynamic
 * imports keeps them out of what loads up front. Requests after the first challenge sign synchronously
 * with the module already loaded.
 */
export const loadDigestChallenge = onFirstUse(() => import("./digest-challenge.js"));
