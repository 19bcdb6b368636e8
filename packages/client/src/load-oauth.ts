type OAuthSubset = typeof import("./oauth4webapi-subset.js");

let loading: Promise<OAuthSubset> | undefined;

/**
 * oauth4webapi, imported with the first token request rather than with the package: only service accounts
 * mint tokens (about once an hour), so API-key users never load it, and a bundle that splits dynamic imports
 * keeps it out of what loads up front.
 */
export function loadOAuth(): Promise<OAuthSubset> {
  loading ??= import("./oauth4webapi-subset.js").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
