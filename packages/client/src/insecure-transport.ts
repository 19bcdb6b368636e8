import { AtlasValidationError } from "./atlas-validation-error.js";

/**
 * Requests the client has cleared for plain `http://` (`allowInsecureHttp: true`), so that the auth
 * middleware, which checks again on its own, does not refuse them.
 */
export const insecureHttpAllowed = new WeakSet<Request>();

/** Whether a hostname is this machine, where plain HTTP cannot leak credentials to the network. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * `<origin>/` of the last URLs found safe whatever the options (HTTPS or loopback), so the check of every
 * request to the same API does not parse its URL again. A serialized URL that starts with `<origin>/` has
 * exactly that origin (userinfo would come before the host, so it cannot match).
 */
const safeOrigins: string[] = [];
const SAFE_ORIGINS_KEPT = 8;

/** Throws unless credentials may be sent to `url`: HTTPS, loopback, or explicitly allowed. */
export function assertCredentialsMayBeSent(url: string, allowInsecureHttp: boolean, who: string): void {
  for (const origin of safeOrigins) if (url.startsWith(origin)) return;
  const parsed = new URL(url);
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
    if (parsed.username === "" && parsed.password === "") {
      safeOrigins.unshift(`${parsed.origin}/`);
      safeOrigins.length = Math.min(safeOrigins.length, SAFE_ORIGINS_KEPT);
    }
    return;
  }
  if (allowInsecureHttp) return;
  throw new AtlasValidationError(
    `${who}: refusing to send credentials over ${parsed.protocol}// to ${parsed.host}; use https://, a loopback host, or set allowInsecureHttp: true if you really mean it`,
    "allowInsecureHttp",
    "https or loopback",
  );
}
