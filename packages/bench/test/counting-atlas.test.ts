import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { benchCredentials } from "../src/bench-credentials.js";
import { startCountingAtlas, type CountingAtlas } from "../src/counting-atlas.js";

const path =
  "/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/clusters/Cluster0/backup/exports/32b6e34b3d91647abb20e7b8";
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

function sign(nonce: string, nc: string, password: string = benchCredentials.privateKey): string {
  const { publicKey } = benchCredentials;
  const ha1 = md5(`${publicKey}:MMS Public API:${password}`);
  const response = md5(`${ha1}:${nonce}:${nc}:abc:auth:${md5(`GET:${path}`)}`);
  return `Digest username="${publicKey}", realm="MMS Public API", nonce="${nonce}", uri="${path}", qop=auth, nc=${nc}, cnonce="abc", response="${response}"`;
}

async function challengeNonce(server: CountingAtlas): Promise<string> {
  const response = await fetch(server.url + path);
  await response.arrayBuffer();
  const nonce = /nonce="([^"]+)"/.exec(response.headers.get("www-authenticate") ?? "")?.[1];
  if (nonce === undefined) throw new Error("no challenge");
  return nonce;
}

describe("startCountingAtlas", () => {
  let server: CountingAtlas | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("answers a signed request with the job and counts the challenge before it", async () => {
    server = await startCountingAtlas();
    const nonce = await challengeNonce(server);
    const response = await fetch(server.url + path, { headers: { Authorization: sign(nonce, "00000001") } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe("32b6e34b3d91647abb20e7b8");
    expect(server.stats).toEqual({ requests: 2, replays: 0, tokenRequests: 0 });
  });

  it("answers the same way when it adds a simulated round trip before every answer", async () => {
    server = await startCountingAtlas({ latencyMs: 5 });
    const nonce = await challengeNonce(server);
    const response = await fetch(server.url + path, { headers: { Authorization: sign(nonce, "00000001") } });
    expect(response.status).toBe(200);
    expect(server.stats).toEqual({ requests: 2, replays: 0, tokenRequests: 0 });
  });

  it("rejects a second request with an nc already seen for the nonce as a replay", async () => {
    server = await startCountingAtlas();
    const nonce = await challengeNonce(server);
    const first = await fetch(server.url + path, { headers: { Authorization: sign(nonce, "00000001") } });
    const again = await fetch(server.url + path, { headers: { Authorization: sign(nonce, "00000001") } });
    const next = await fetch(server.url + path, { headers: { Authorization: sign(nonce, "00000002") } });
    expect([first.status, again.status, next.status]).toEqual([200, 401, 200]);
    expect(server.stats.replays).toBe(1);
  });

  it("challenges a digest signed with the wrong private key again, and does not count it as a replay", async () => {
    server = await startCountingAtlas();
    const nonce = await challengeNonce(server);
    const response = await fetch(server.url + path, {
      headers: { Authorization: sign(nonce, "00000001", "wrong") },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Digest realm="MMS Public API"/);
    expect(server.stats.replays).toBe(0);
  });

  it("mints tokens for form-urlencoded Basic client credentials and serves bearer calls with them", async () => {
    server = await startCountingAtlas();
    const { clientId, clientSecret } = benchCredentials;
    const encoded = (text: string) => encodeURIComponent(text).replaceAll("_", "%5F");
    const basic = Buffer.from(`${encoded(clientId)}:${encoded(clientSecret)}`).toString("base64");
    const tokenResponse = await fetch(`${server.url}/api/oauth/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const call = await fetch(server.url + path, { headers: { Authorization: `Bearer ${access_token}` } });
    const forged = await fetch(server.url + path, { headers: { Authorization: "Bearer forged" } });
    expect([tokenResponse.status, call.status, forged.status]).toEqual([200, 200, 401]);
    expect(server.stats).toEqual({ requests: 3, replays: 0, tokenRequests: 1 });
  });
});
