import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TokenServer {
  tokenUrl: string;
  revokeUrl: string;
  /** Tokens minted and revoked so far. */
  counts: { minted: number; revoked: number; refused: number };
  close(): Promise<void>;
}

/**
 * A minimal OAuth 2.0 client-credentials endpoint (RFC 6749 §4.4, answered the way Atlas does, GUIDE §4)
 * on 127.0.0.1 port 0, for the Prism tests: Prism checks only that a Bearer token is present, so the
 * token has to come from somewhere local. Refuses anything but the expected Basic credentials.
 */
export async function startTokenServer(clientId: string, clientSecret: string): Promise<TokenServer> {
  const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  const counts = { minted: 0, revoked: 0, refused: 0 };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const form = new URLSearchParams(body);
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(value));
      };
      if (request.method !== "POST" || request.headers.authorization !== expected) {
        counts.refused++;
        return json(401, { error: "invalid_client" });
      }
      if (request.url === "/token" && form.get("grant_type") === "client_credentials") {
        counts.minted++;
        return json(200, { access_token: `token-${counts.minted}`, token_type: "Bearer", expires_in: 3600 });
      }
      if (request.url === "/revoke" && form.get("token")) {
        counts.revoked++;
        response.writeHead(200).end();
        return;
      }
      counts.refused++;
      return json(400, { error: "invalid_request" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    tokenUrl: `http://127.0.0.1:${port}/token`,
    revokeUrl: `http://127.0.0.1:${port}/revoke`,
    counts,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
