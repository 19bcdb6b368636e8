import { redactUrlCredentials } from "./redact-url-credentials.js";

/** Why a request got no HTTP answer, in words a user can act on, and the system error code if any. */
export interface ConnectionFailure {
  reason: string;
  code: string | undefined;
}

/** Where the request went: the host of its URL, and the proxy configured for it (it may have gone direct). */
export interface ConnectionTarget {
  host: string;
  proxy?: URL | undefined;
}

// OpenSSL's verification errors as Node and Bun report them (`err.code`), and the rustls error names
// Deno reports only in its message ("invalid peer certificate: UnknownIssuer"), taken as its code.
const UNTRUSTED = new Set([
  "UnknownIssuer",
  "BadSignature",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);
const WRONG_HOST = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH", "NotValidForName"]);
/** Whether `code` says the certificate is wrong: no retry can change that, so none is made. */
export function isCertificateFailure(code: string | undefined): boolean {
  return code !== undefined && (UNTRUSTED.has(code) || WRONG_HOST.has(code) || NOT_VALID_NOW.has(code));
}

const PROXY_CREDENTIALS_FIX =
  "put the proxy's user and password in its URL (http://user:password@host:port, percent-encoded) in HTTPS_PROXY or the `proxy` option";

const PROXY_UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET"]);
const NOT_VALID_NOW = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID", "Expired", "NotValidYet"]);

const TRUST_FIX =
  "if a proxy or your network inspects TLS with its own certificate authority, trust that CA's PEM certificate with the `ca` option (atlas-export: --ca-file) or NODE_EXTRA_CA_CERTS=/path/to/ca.pem";

/** The error, its `cause`s and an AggregateError's `errors`, outermost first. */
type Link = { code?: unknown; message?: unknown; port?: unknown };

function chain(error: unknown): Link[] {
  const seen: Link[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 10) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || seen.includes(item)) continue;
    seen.push(item);
    const { cause, errors } = item as { cause?: unknown; errors?: unknown };
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  return seen;
}

/** Whether a system error is about the proxy itself (a request NO_PROXY sent direct fails elsewhere). */
function isAboutProxy(link: Link, proxy: URL): boolean {
  const port = Number(proxy.port || (proxy.protocol === "https:" ? 443 : 80));
  const message = typeof link.message === "string" ? link.message : "";
  const lookup = link.code === "ENOTFOUND" || link.code === "EAI_AGAIN";
  return link.port === port || message.includes(`:${port}`) || (lookup && message.includes(proxy.hostname));
}

/**
 * Turns what a fetch threw into a message that names the cause — an untrusted or wrong-host certificate,
 * a proxy that wants credentials or cannot be reached — and the fix, instead of a bare "fetch failed".
 */
export function describeConnectionFailure(error: unknown, target: ConnectionTarget): ConnectionFailure {
  const links = chain(error);
  const codes = links.map((link) => link.code).filter((code): code is string => typeof code === "string");
  const text = links
    .map((link) => link.message)
    .filter((message): message is string => typeof message === "string")
    .join(" | ");
  // Deno: "invalid peer certificate: UnknownIssuer" (newer rustls: "NotValidForNameContext { … }").
  const rustls = /invalid peer certificate: ([A-Za-z]+?)(?:Context)?\b/.exec(text)?.[1];
  const code = codes.find((candidate) => !candidate.startsWith("UND_ERR")) ?? codes[0] ?? rustls;
  const proxy = target.proxy ? redactUrlCredentials(target.proxy) : undefined;

  // undici: "Proxy response (407) !== 200 when HTTP Tunneling"; Deno: "proxy authentication required";
  // Bun: code ERR_PROXY_TUNNEL with no status. Bun and Deno read the proxy variables themselves, so the
  // proxy may be unknown here: then the message says "the proxy".
  const proxyName = proxy ? `the proxy ${proxy}` : "the proxy";
  const status =
    /Proxy response \((\d{3})\)/i.exec(text)?.[1] ??
    (/proxy authentication required/i.test(text) ? "407" : undefined);
  if (status === "407") {
    return {
      code,
      reason: `${proxyName} answered 407 Proxy Authentication Required: ${PROXY_CREDENTIALS_FIX}`,
    };
  }
  if (status !== undefined && proxy) {
    return { code, reason: `${proxyName} refused to connect to ${target.host} (HTTP ${status})` };
  }
  if (code === "ERR_PROXY_TUNNEL") {
    return {
      code,
      reason: `${proxyName} refused the tunnel to ${target.host} (ERR_PROXY_TUNNEL); if it asks for credentials, ${PROXY_CREDENTIALS_FIX}`,
    };
  }
  // By code first; the wording is the fallback for runtimes that give none (a code of another
  // certificate kind must not be read as untrusted because Deno's message says "invalid peer certificate").
  const certificateCode = isCertificateFailure(code);
  if (
    (code && UNTRUSTED.has(code)) ||
    (!certificateCode && /UnknownIssuer|invalid peer certificate|self.signed/i.test(text))
  ) {
    return {
      code,
      reason: `the TLS certificate of ${target.host} is not trusted (${code ?? "unknown issuer"}): ${TRUST_FIX}`,
    };
  }
  if ((code && WRONG_HOST.has(code)) || (!certificateCode && /does not match|altnames/i.test(text))) {
    return {
      code,
      reason: `the TLS certificate is not valid for ${target.host} (${code ?? "wrong host"}): check the base URL; if a proxy answers for this host, check its certificate`,
    };
  }
  if ((code && NOT_VALID_NOW.has(code)) || (!certificateCode && /expired/i.test(text))) {
    return {
      code,
      reason: `the TLS certificate of ${target.host} is expired or not yet valid (${code ?? "expired"}): check this machine's clock`,
    };
  }
  if (
    proxy &&
    code &&
    PROXY_UNREACHABLE.has(code) &&
    links.some((link) => isAboutProxy(link, target.proxy!))
  ) {
    return {
      code,
      reason: `could not connect to the proxy ${proxy} (${code}): check HTTPS_PROXY/HTTP_PROXY or the \`proxy\` option; NO_PROXY lists the hosts to reach directly`,
    };
  }
  const plain = links
    .map((link) => link.message)
    .find((message) => typeof message === "string" && message !== "fetch failed");
  return { code, reason: code ?? (plain as string | undefined) ?? "fetch failed" };
}
