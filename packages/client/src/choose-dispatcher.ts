/**
 * What sends a client's requests on Node when the user gave no `fetch`: the global fetch when nothing
 * asks for more (undici is then never loaded), otherwise an undici dispatcher — `direct` (extra CAs, or
 * `proxy: false` where Node itself would read the proxy variables), one `proxy` URL, or the `environment`'s
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY (undici's EnvHttpProxyAgent, read when the client is created).
 */
export type DispatcherChoice =
  | { kind: "global" }
  | { kind: "direct"; ca: string[] | undefined }
  | { kind: "proxy"; proxy: URL; ca: string[] | undefined }
  | { kind: "environment"; ca: string[] | undefined };

const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"];

/** The proxy the environment names for a URL scheme, lower-case variable first (as curl and undici read them). */
export function environmentProxy(protocol: string, env: Record<string, string | undefined>): URL | undefined {
  const names = protocol === "https:" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"];
  const value = names
    .map((name) => env[name])
    .find((candidate) => candidate !== undefined && candidate !== "");
  return value !== undefined && URL.canParse(value) ? new URL(value) : undefined;
}

export function chooseDispatcher(
  options: { proxy: false | URL | undefined; ca: string[] | undefined },
  env: Record<string, string | undefined>,
): DispatcherChoice {
  const { proxy, ca } = options;
  if (proxy instanceof URL) return { kind: "proxy", proxy, ca };
  if (proxy === undefined && PROXY_VARIABLES.some((name) => env[name])) return { kind: "environment", ca };
  // Node 24 reads the proxy variables itself when NODE_USE_ENV_PROXY is set; `proxy: false` must win.
  if (ca || (proxy === false && env.NODE_USE_ENV_PROXY)) return { kind: "direct", ca };
  return { kind: "global" };
}
