import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { digestAuthorization, parseAuthenticate, pickDigestChallenge } from "../src/digest-challenge.js";

describe("parseAuthenticate", () => {
  it.each([
    [
      "one Atlas challenge",
      'Digest realm="MMS Public API", domain="", nonce="abc/def+=", algorithm=MD5, qop="auth", stale=false',
      [
        {
          scheme: "Digest",
          params: {
            realm: "MMS Public API",
            domain: "",
            nonce: "abc/def+=",
            algorithm: "MD5",
            qop: "auth",
            stale: "false",
          },
        },
      ],
    ],
    [
      "several challenges joined by commas",
      'Basic realm="x", Digest realm="r", nonce="n1", algorithm=SHA-256, qop="auth,auth-int", Digest realm="r", nonce="n2"',
      [
        { scheme: "Basic", params: { realm: "x" } },
        { scheme: "Digest", params: { realm: "r", nonce: "n1", algorithm: "SHA-256", qop: "auth,auth-int" } },
        { scheme: "Digest", params: { realm: "r", nonce: "n2" } },
      ],
    ],
    [
      "quoted commas and escaped quotes",
      'Digest realm="a, \\"quoted\\" realm", nonce="n"',
      [{ scheme: "Digest", params: { realm: 'a, "quoted" realm', nonce: "n" } }],
    ],
    [
      "a token68 scheme",
      "Negotiate abc==, Digest nonce=n",
      [
        { scheme: "Negotiate", params: {} },
        { scheme: "Digest", params: { nonce: "n" } },
      ],
    ],
  ])("reads %s", (_name, header, want) => {
    expect(parseAuthenticate(header)).toEqual(want);
  });
});

describe("pickDigestChallenge", () => {
  it.each([
    [
      "the first supported challenge (RFC 7616 §3.7)",
      'Digest nonce="a", algorithm=SHA-512-256, Digest nonce="b", algorithm=SHA-256, Digest nonce="c"',
      { nonce: "b", algorithm: "SHA-256" },
    ],
    [
      "MD5 when no algorithm is named",
      'Digest realm="r", nonce="n", qop="auth"',
      { algorithm: "MD5", qop: "auth" },
    ],
    ["no qop for an RFC 2069 challenge", 'Digest realm="r", nonce="n"', { qop: undefined }],
    ["stale=true in any case", 'Digest nonce="n", stale=TRUE', { stale: true }],
    ["opaque", 'Digest nonce="n", opaque="xyz"', { opaque: "xyz" }],
  ])("picks %s", (_name, header, want) => {
    expect(pickDigestChallenge(header)).toMatchObject(want);
  });

  it.each([
    ["no header", null],
    ["only Basic", 'Basic realm="x"'],
    ["only auth-int", 'Digest nonce="n", qop="auth-int"'],
    ["no nonce", 'Digest realm="r"'],
  ])("finds nothing in %s", (_name, header) => {
    expect(pickDigestChallenge(header)).toBeUndefined();
  });
});

describe("digestAuthorization", () => {
  it("computes the RFC 2617 §3.5 example response", () => {
    // RFC 2617 §3.5: Mufasa / "Circle Of Life", with the example's cnonce swapped for our random one,
    // so the expected value is recomputed from the header's own cnonce.
    const header = digestAuthorization(
      {
        realm: "testrealm@host.com",
        nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        opaque: "5ccc069c403ebaf9f0171e9517f40e41",
        algorithm: "MD5",
        qop: "auth",
        stale: false,
      },
      { username: "Mufasa", password: "Circle Of Life" },
      "GET",
      "/dir/index.html",
      1,
    );
    const cnonce = /cnonce="([^"]+)"/.exec(header)![1]!;
    const md5 = (s: string) => createHash("md5").update(s).digest("hex");
    const ha1 = md5("Mufasa:testrealm@host.com:Circle Of Life");
    const ha2 = md5("GET:/dir/index.html");
    const response = md5(`${ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:${cnonce}:auth:${ha2}`);
    expect(header).toContain(`response="${response}"`);
    expect(header).toContain('username="Mufasa"');
    expect(header).toContain("nc=00000001");
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it("escapes quotes and backslashes in the username", () => {
    const header = digestAuthorization(
      { realm: "r", nonce: "n", opaque: undefined, algorithm: "MD5", qop: "auth", stale: false },
      { username: 'a"b\\c', password: "p" },
      "GET",
      "/",
      1,
    );
    expect(header).toContain('username="a\\"b\\\\c"');
  });
});
