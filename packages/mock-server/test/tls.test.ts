import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, startMockAtlas, type MockAtlasOptions } from "../src/index.js";
import {
  ATLAS_ACCEPT,
  DOCUMENTED_REF,
  digestAuthorization,
  httpsGetWithToken,
  httpsRequest,
  jobPath,
  parseChallenge,
} from "./helpers.js";
import { createTestCertificates, type TestCertificates } from "../src/create-test-certificates.js";
import { commandOnPath } from "./command-on-path.js";

const hasOpenssl = commandOnPath("openssl", "apt-get install openssl");

describe.skipIf(!hasOpenssl)("startMockAtlas({ tls })", () => {
  let certs: TestCertificates;
  beforeAll(() => {
    certs = createTestCertificates();
  });
  // Never throws, even when beforeAll did not get as far as making them.
  afterAll(() => certs?.remove());
  it("serves HTTPS at an https:// url to a client that trusts the CA", async () => {
    const atlas = await startMockAtlas({ tls: { key: certs.key, cert: certs.cert } });
    try {
      expect(atlas.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const response = await httpsGetWithToken(
        atlas.url,
        jobPath(DOCUMENTED_REF),
        certs.ca,
        DEMO_SERVICE_ACCOUNT,
      );
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ id: DOCUMENTED_REF.exportId });
    } finally {
      await atlas.close();
    }
  });

  it("takes the key and certificate as Buffers and matches the certificate's DNS name localhost", async () => {
    const atlas = await startMockAtlas({
      tls: { key: Buffer.from(certs.key), cert: Buffer.from(certs.cert) },
    });
    try {
      const localhost = atlas.url.replace("127.0.0.1", "localhost");
      const response = await httpsGetWithToken(
        localhost,
        jobPath(DOCUMENTED_REF),
        certs.ca,
        DEMO_SERVICE_ACCOUNT,
      );
      expect(response.status).toBe(200);
    } finally {
      await atlas.close();
    }
  });

  it("runs HTTP Digest over HTTPS as over HTTP", async () => {
    const atlas = await startMockAtlas({ tls: { key: certs.key, cert: certs.cert } });
    try {
      const path = jobPath(DOCUMENTED_REF);
      const challenge = await httpsRequest(atlas.url + path, { ca: certs.ca, headers: ATLAS_ACCEPT });
      expect(challenge.status).toBe(401);
      const nonce = parseChallenge(String(challenge.headers["www-authenticate"]))["nonce"] ?? "";
      const authorization = digestAuthorization({
        username: DEMO_API_KEY.publicKey,
        password: DEMO_API_KEY.privateKey,
        uri: path,
        nonce,
      });
      const answer = await httpsRequest(atlas.url + path, {
        ca: certs.ca,
        headers: { ...ATLAS_ACCEPT, authorization },
      });
      expect(answer.status).toBe(200);
      expect(atlas.stats.digestAuthenticated).toBe(1);
    } finally {
      await atlas.close();
    }
  });

  it("is refused by a client that does not trust the CA", async () => {
    const atlas = await startMockAtlas({ tls: { key: certs.key, cert: certs.cert } });
    try {
      await expect(httpsRequest(`${atlas.url}/api/atlas/v2`)).rejects.toMatchObject({
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
      });
    } finally {
      await atlas.close();
    }
  });

  it("closes while a TLS client holds a keep-alive connection", async () => {
    const atlas = await startMockAtlas({ tls: { key: certs.key, cert: certs.cert } });
    await httpsRequest(`${atlas.url}/nothing-here`, { ca: certs.ca });
    await expect(atlas.close()).resolves.toBeUndefined();
  });

  it("rejects a key that is not PEM with node:tls's reason and without echoing the key", async () => {
    const secret = "not-a-pem-key-but-a-secret-value";
    const error = await startMockAtlas({ tls: { key: secret, cert: certs.cert } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toMatch(/option "tls" needs a PEM private key and the certificate for it/);
    expect(String(error)).not.toContain(secret);
  });

  it("rejects a key that does not belong to the certificate", async () => {
    const other = createTestCertificates();
    try {
      await expect(startMockAtlas({ tls: { key: other.key, cert: certs.cert } })).rejects.toThrow(
        /option "tls" needs a PEM private key and the certificate for it; node:tls rejected them: .*mismatch/,
      );
    } finally {
      other.remove();
    }
  });
});

describe("startMockAtlas({ tls }) option checks, which need no certificate", () => {
  it.each<[string, NonNullable<MockAtlasOptions["tls"]>, RegExp]>([
    ["no certificate", { key: "k" } as never, /option "tls" must be false or \{ key, cert \}/],
    ["an empty key", { key: "", cert: "c" }, /option "tls" must be false or \{ key, cert \}/],
    [
      "a string instead of an object",
      "cert.pem" as never,
      /option "tls" must be false or \{ key, cert \} with non-empty PEM strings or Buffers, got a string of 8 characters/,
    ],
  ])("rejects %s, naming the option", async (_name, tls, message) => {
    await expect(startMockAtlas({ tls })).rejects.toThrow(message);
  });
});
