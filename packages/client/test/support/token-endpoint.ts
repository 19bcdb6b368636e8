import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, type SeenRequest } from "./http-server.js";

export interface TokenEndpointOptions {
  clientId: string;
  clientSecret: string;
  expiresIn?: number;
}

/** A scripted answer of the token endpoint, used instead of minting once. */
export type TokenFailure = (res: ServerResponse) => void;

/**
 * The service-account endpoints of GUIDE §4: `POST /api/oauth/token` (client credentials, Basic auth,
 * form body) and `POST /api/oauth/revoke`, and a bearer check for API requests.
 */
export class TokenEndpoint {
  readonly live = new Set<string>();
  readonly revoked: string[] = [];
  minted = 0;
  /** Answers consumed one per token request before normal minting resumes. */
  readonly failures: TokenFailure[] = [];

  constructor(private readonly options: TokenEndpointOptions) {}

  private basicOk(request: SeenRequest): boolean {
    const expected = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString("base64");
    return request.headers.authorization === `Basic ${expected}`;
  }

  /** Handles the request if it is for the token or revoke endpoint; returns false otherwise. */
  handle(request: SeenRequest, res: ServerResponse): boolean {
    if (request.url === "/api/oauth/token") {
      const failure = this.failures.shift();
      if (failure) {
        failure(res);
        return true;
      }
      const form = new URLSearchParams(request.body);
      const contentType = request.headers["content-type"] ?? "";
      if (request.method !== "POST" || !contentType.startsWith("application/x-www-form-urlencoded")) {
        sendJson(res, 400, { error: "invalid_request", error_description: "form body expected" });
      } else if (form.get("grant_type") !== "client_credentials") {
        sendJson(res, 400, { error: "unsupported_grant_type" });
      } else if (!this.basicOk(request)) {
        sendJson(res, 401, { error: "invalid_client", error_description: "Invalid client credentials" });
      } else {
        const token = `tok_${randomBytes(8).toString("hex")}`;
        this.live.add(token);
        this.minted += 1;
        sendJson(res, 200, {
          access_token: token,
          token_type: "Bearer",
          expires_in: this.options.expiresIn ?? 3600,
        });
      }
      return true;
    }
    if (request.url === "/api/oauth/revoke") {
      const form = new URLSearchParams(request.body);
      if (!this.basicOk(request)) {
        sendJson(res, 401, { error: "invalid_client" });
      } else if (form.get("token_type_hint") !== "access_token" || !form.get("token")) {
        sendJson(res, 400, { error: "invalid_request" });
      } else {
        const token = form.get("token")!;
        this.live.delete(token);
        this.revoked.push(token);
        res.writeHead(200).end();
      }
      return true;
    }
    return false;
  }

  /** Whether an API request carries a live bearer token. */
  authorized(request: SeenRequest): boolean {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "");
    return match !== null && this.live.has(match[1]!);
  }

  /** Invalidates every token, as Atlas does when one is revoked elsewhere. */
  forgetAll(): void {
    this.live.clear();
  }
}
