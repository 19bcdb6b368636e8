import { createHash, randomBytes } from "node:crypto";

/** One `Digest` challenge from `WWW-Authenticate` that this client can answer (RFC 7616 §3.3). */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  algorithm: "MD5" | "MD5-sess" | "SHA-256" | "SHA-256-sess";
  /** `auth` when the server offers it; `undefined` for an RFC 2069 challenge without `qop`. */
  qop: "auth" | undefined;
  stale: boolean;
}

const SUPPORTED_ALGORITHMS = ["MD5", "MD5-sess", "SHA-256", "SHA-256-sess"] as const;
const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses every challenge of a `WWW-Authenticate` value (several may be joined with commas, RFC 9110 §11.6.1)
 * into scheme and lower-cased parameters.
 */
export function parseAuthenticate(header: string): { scheme: string; params: Record<string, string> }[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const readToken = () => {
    const start = i;
    while (i < header.length && TOKEN.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  const skip = (chars: string) => {
    while (i < header.length && chars.includes(header[i]!)) i++;
  };
  // After a scheme, a bare token (not `name=`) is that scheme's token68 credentials (`Negotiate abc==`).
  let token68Allowed = false;
  while (i < header.length) {
    const start = i;
    skip(" \t,");
    if (header.slice(start, i).includes(",")) token68Allowed = false;
    const token = readToken();
    if (token === "") {
      i++; // an unexpected character: step over it rather than loop forever
      continue;
    }
    skip(" \t");
    if (header[i] === "=" && header[i + 1] !== "=" && challenges.length > 0) {
      i++;
      skip(" \t");
      let value = "";
      if (header[i] === '"') {
        i++;
        while (i < header.length && header[i] !== '"') {
          if (header[i] === "\\") i++;
          value += header[i] ?? "";
          i++;
        }
        i++;
      } else {
        const valueStart = i;
        while (i < header.length && header[i] !== "," && header[i] !== " ") i++;
        value = header.slice(valueStart, i);
      }
      challenges[challenges.length - 1]!.params[token.toLowerCase()] = value;
      token68Allowed = false;
    } else if (token68Allowed) {
      skip("=");
      token68Allowed = false;
    } else {
      challenges.push({ scheme: token, params: {} });
      token68Allowed = true;
    }
  }
  return challenges;
}

/** The first `Digest` challenge with an algorithm and qop this client supports (RFC 7616 §3.7). */
export function pickDigestChallenge(header: string | null): DigestChallenge | undefined {
  if (!header) return undefined;
  for (const { scheme, params } of parseAuthenticate(header)) {
    if (scheme.toLowerCase() !== "digest" || !params.nonce) continue;
    const algorithm = SUPPORTED_ALGORITHMS.find(
      (a) => a.toLowerCase() === (params.algorithm ?? "MD5").toLowerCase(),
    );
    if (!algorithm) continue;
    const qops = params.qop?.split(",").map((q) => q.trim().toLowerCase());
    if (qops && !qops.includes("auth")) continue; // auth-int would need the body hashed; Atlas never asks
    return {
      realm: params.realm ?? "",
      nonce: params.nonce,
      opaque: params.opaque,
      algorithm,
      qop: qops ? "auth" : undefined,
      stale: params.stale?.toLowerCase() === "true",
    };
  }
  return undefined;
}

function quote(value: string): string {
  return /["\\]/.test(value) ? `"${value.replace(/(["\\])/g, "\\$1")}"` : `"${value}"`;
}

/** The `Authorization: Digest …` value for one request (RFC 7616 §3.4), with a fresh random cnonce. */
export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: { username: string; password: string },
  method: string,
  uri: string,
  nc: number,
): string {
  const hashName = challenge.algorithm.startsWith("SHA-256") ? "sha256" : "md5";
  const h = (s: string) => createHash(hashName).update(s).digest("hex");
  const cnonce = randomBytes(16).toString("hex");
  const ncHex = nc.toString(16).padStart(8, "0");
  let ha1 = h(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  if (challenge.algorithm.endsWith("-sess")) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = challenge.qop
    ? h(`${ha1}:${challenge.nonce}:${ncHex}:${cnonce}:${challenge.qop}:${ha2}`)
    : h(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (challenge.qop) parts.push(`qop=${challenge.qop}`, `nc=${ncHex}`, `cnonce=${quote(cnonce)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(", ")}`;
}
