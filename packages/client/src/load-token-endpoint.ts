type TokenEndpointModule = typeof import("./token-endpoint.js");

let loading: Promise<TokenEndpointModule> | undefined;

/**
 * The token-endpoint code and oauth4webapi, imported with the first token request rather than with the
 * package: only service accounts mint tokens (about once an hour), so API-key users never load them, and a
 * bundle that splits dynamic imports keeps them out of what loads up front.
 */
export function loadTokenEndpoint(): Promise<TokenEndpointModule> {
  loading ??= import("./token-endpoint.js").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
