import { createHash, randomBytes } from "node:crypto";
import type { JobRef } from "../src/index.js";

/** The documented job's path parameters. */
export const DOCUMENTED_REF: JobRef = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};

export const ATLAS_ACCEPT = { accept: "application/vnd.atlas.2023-01-01+json" };

export function jobPath(ref: JobRef, query = ""): string {
  return `/api/atlas/v2/groups/${ref.groupId}/clusters/${ref.clusterName}/backup/exports/${ref.exportId}${query}`;
}

/** Parses a `WWW-Authenticate: Digest …` challenge into its parameters. */
export function parseChallenge(header: string | null): Record<string, string> {
  if (header === null || !header.startsWith("Digest "))
    throw new Error(`not a Digest challenge: ${String(header)}`);
  const params: Record<string, string> = {};
  for (const [, key = "", quoted, bare] of header.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    params[key] = quoted ?? bare ?? "";
  }
  return params;
}

const md5 = (text: string): string => createHash("md5").update(text).digest("hex");

/** An RFC 7616 qop=auth MD5 Authorization header, written independently of the server's code. */
export function digestAuthorization(input: {
  username: string;
  password: string;
  method?: string;
  uri: string;
  nonce: string;
  nc?: number;
  realm?: string;
  cnonce?: string;
}): string {
  const realm = input.realm ?? "MMS Public API";
  const nc = (input.nc ?? 1).toString(16).padStart(8, "0");
  const cnonce = input.cnonce ?? randomBytes(8).toString("hex");
  const ha1 = md5(`${input.username}:${realm}:${input.password}`);
  const ha2 = md5(`${input.method ?? "GET"}:${input.uri}`);
  const response = md5(`${ha1}:${input.nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return (
    `Digest username="${input.username}", realm="${realm}", nonce="${input.nonce}", uri="${input.uri}", ` +
    `algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`
  );
}

/** Asks for a challenge and returns its nonce. */
export async function fetchNonce(baseUrl: string, path: string): Promise<string> {
  const response = await fetch(baseUrl + path, { headers: ATLAS_ACCEPT });
  await response.arrayBuffer();
  const nonce = parseChallenge(response.headers.get("www-authenticate"))["nonce"];
  if (nonce === undefined) throw new Error("challenge without nonce");
  return nonce;
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

/** POST /api/oauth/token with client credentials; returns the raw response. */
export function requestToken(
  baseUrl: string,
  id: string,
  secret: string,
  body = "grant_type=client_credentials",
) {
  return fetch(`${baseUrl}/api/oauth/token`, {
    method: "POST",
    headers: { authorization: basic(id, secret), "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** Mints a token and returns it (throws when the answer is not 200). */
export async function mintToken(baseUrl: string, id: string, secret: string): Promise<string> {
  const response = await requestToken(baseUrl, id, secret);
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) {
    throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

export interface PlainResponse {
  status: number;
  headers: import("node:http").IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTPS request with node:https, trusting only `ca` (global fetch cannot take a CA per request).
 * Rejects with the TLS error when the server's certificate does not verify.
 */
export async function httpsRequest(
  url: string,
  options: { ca?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<PlainResponse> {
  const { request } = await import("node:https");
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        agent: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** Mints a token over HTTPS trusting `ca`, then GETs `path` with it. */
export async function httpsGetWithToken(
  baseUrl: string,
  path: string,
  ca: string,
  account: { clientId: string; clientSecret: string },
): Promise<PlainResponse> {
  const minted = await httpsRequest(`${baseUrl}/api/oauth/token`, {
    ca,
    method: "POST",
    headers: {
      authorization: basic(account.clientId, account.clientSecret),
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  const token = (JSON.parse(minted.body) as { access_token: string }).access_token;
  return httpsRequest(baseUrl + path, {
    ca,
    headers: { ...ATLAS_ACCEPT, authorization: `Bearer ${token}` },
  });
}

export const MEDIA_2023 = "application/vnd.atlas.2023-01-01+json";
export const MEDIA_2024 = "application/vnd.atlas.2024-05-30+json";

/** Sends an authenticated API request with a bearer token; a body goes out as JSON of `mediaType`. */
export function callApi(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  options: { body?: unknown; mediaType?: string; headers?: Record<string, string> } = {},
) {
  const mediaType = options.mediaType ?? MEDIA_2023;
  return fetch(baseUrl + path, {
    method,
    headers: {
      accept: mediaType,
      authorization: `Bearer ${token}`,
      ...(options.body === undefined ? {} : { "content-type": mediaType }),
      ...options.headers,
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
}
