import { AtlasValidationError } from "./atlas-validation-error.js";

/** Whether a hostname is this machine, where plain HTTP cannot leak credentials to the network. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** Throws unless credentials may be sent to `url`: HTTPS, loopback, or explicitly allowed. */
export function assertCredentialsMayBeSent(url: string, allowInsecureHttp: boolean, who: string): void {
  const parsed = new URL(url);
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname)))
    return;
  if (allowInsecureHttp) return;
  throw new AtlasValidationError(
    `${who}: refusing to send credentials over ${parsed.protocol}// to ${parsed.host}; use https://, a loopback host, or set allowInsecureHttp: true if you really mean it`,
    "allowInsecureHttp",
    "https or loopback",
  );
}
