import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { MockContext } from "./mock-context.js";
import type { MockResponse } from "./mock-response.js";
import { oauthError } from "./oauth-error.js";

export type ClientAuth = { ok: true; clientId: string } | { ok: false; response: MockResponse };

/** RFC 6749 §2.3.1: client id and secret in HTTP Basic (each form-urlencoded before base64). */
export function authenticateClient(request: IncomingMessage, context: MockContext): ClientAuth {
  const header = request.headers.authorization ?? "";
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)?.[1];
  const decoded = encoded === undefined ? undefined : Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded?.indexOf(":") ?? -1;
  const fail = (description: string): ClientAuth => {
    context.stats.authFailures += header === "" ? 0 : 1;
    return {
      ok: false,
      response: oauthError(401, "invalid_client", description, {
        "www-authenticate": 'Basic realm="MMS Public API"',
      }),
    };
  };
  if (decoded === undefined || colon < 0) {
    return fail("Send the client id and secret as Authorization: Basic base64(clientId:clientSecret).");
  }
  // RFC 6749 says clients form-encode both parts, but curl --user and many clients do not:
  // accept either reading, so a secret containing "+" or "%" works both ways.
  const rawId = decoded.slice(0, colon);
  const rawSecret = decoded.slice(colon + 1);
  for (const [clientId, secret] of [
    [rawId, rawSecret],
    [formDecode(rawId), formDecode(rawSecret)],
  ] as const) {
    const expected = context.serviceAccounts.get(clientId);
    if (expected !== undefined && sameText(secret, expected)) return { ok: true, clientId };
  }
  return fail("Client authentication failed: unknown client id or wrong secret.");
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
