import { createHash, randomBytes } from "node:crypto";
import type { SeenRequest } from "./http-server.js";

export type Algorithm = "MD5" | "MD5-sess" | "SHA-256" | "SHA-256-sess";

export interface DigestVerifierOptions {
  username: string;
  password: string;
  realm?: string;
  algorithm?: Algorithm;
  /** Send `algorithm=` in the challenge (RFC 2617 servers may leave it out for MD5). */
  announceAlgorithm?: boolean;
  opaque?: string;
}

/**
 * A server-side HTTP Digest implementation written independently of the client's (RFC 7616 §3.4.1):
 * issues nonces, verifies responses, rejects a repeated `nc` for a nonce as a replay, and answers
 * `stale=true` for a nonce it has expired.
 */
export class DigestVerifier {
  readonly realm: string;
  readonly algorithm: Algorithm;
  readonly opaque: string;
  /** nonce -> every nc value accepted for it, in arrival order. */
  readonly ncSeen = new Map<string, string[]>();
  readonly cnonces: string[] = [];
  readonly rejections: string[] = [];
  private readonly live = new Set<string>();
  private readonly expired = new Set<string>();

  constructor(private readonly options: DigestVerifierOptions) {
    this.realm = options.realm ?? "MMS Public API";
    this.algorithm = options.algorithm ?? "MD5";
    this.opaque = options.opaque ?? randomBytes(8).toString("hex");
  }

  /** A fresh `WWW-Authenticate` challenge. */
  challenge(stale = false): string {
    const nonce = randomBytes(12).toString("base64");
    this.live.add(nonce);
    const algorithm = this.options.announceAlgorithm === false ? "" : `, algorithm=${this.algorithm}`;
    return `Digest realm="${this.realm}", domain="", nonce="${nonce}", opaque="${this.opaque}", qop="auth"${algorithm}${stale ? ", stale=true" : ""}`;
  }

  /** Makes every nonce issued so far stale, as a server does when its nonce lifetime runs out. */
  expireNonces(): void {
    for (const nonce of this.live) this.expired.add(nonce);
    this.live.clear();
  }

  /** `ok`, `stale` (valid response, expired nonce) or `bad`. */
  verify(request: SeenRequest): "ok" | "stale" | "bad" {
    const header = request.headers.authorization;
    if (!header?.startsWith("Digest ")) return this.reject("no digest credentials");
    const fields: Record<string, string> = {};
    for (const match of header.slice(7).matchAll(/([a-z]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/gi)) {
      fields[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? "";
    }
    const { username, realm, nonce, uri, response, qop, nc, cnonce, opaque, algorithm } = fields;
    if (username !== this.options.username) return this.reject(`unknown user`);
    if (realm !== this.realm) return this.reject("realm");
    if (uri !== request.url) return this.reject(`uri ${uri} != ${request.url}`);
    if (opaque !== this.opaque) return this.reject("opaque not echoed");
    if ((algorithm ?? "MD5") !== this.algorithm) return this.reject(`algorithm ${algorithm}`);
    if (qop !== "auth" || !nc || !/^[0-9a-f]{8}$/.test(nc) || !cnonce) return this.reject("qop/nc/cnonce");
    if (!nonce || (!this.live.has(nonce) && !this.expired.has(nonce))) return this.reject("unknown nonce");
    const hash = (s: string) =>
      createHash(this.algorithm.startsWith("SHA-256") ? "sha256" : "md5")
        .update(s)
        .digest("hex");
    let ha1 = hash(`${this.options.username}:${this.realm}:${this.options.password}`);
    if (this.algorithm.endsWith("-sess")) ha1 = hash(`${ha1}:${nonce}:${cnonce}`);
    const expected = hash(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${hash(`${request.method}:${uri}`)}`);
    if (response !== expected) return this.reject("wrong response (bad password?)");
    if (this.expired.has(nonce)) return "stale";
    const seen = this.ncSeen.get(nonce) ?? [];
    if (seen.includes(nc)) return this.reject(`replayed nc ${nc}`);
    seen.push(nc);
    this.ncSeen.set(nonce, seen);
    this.cnonces.push(cnonce);
    return "ok";
  }

  private reject(why: string): "bad" {
    this.rejections.push(why);
    return "bad";
  }
}
