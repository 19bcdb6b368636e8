import { describe, expect, it } from "vitest";
import { describeConnectionFailure } from "../src/describe-connection-failure.js";

/** What undici's fetch throws: TypeError("fetch failed") with the system error as its cause. */
function fetchFailed(cause: object): TypeError {
  return new TypeError("fetch failed", { cause });
}

const host = "cloud.mongodb.com";
const proxy = new URL("http://user:hunter2@proxy.corp:3128");

describe("describeConnectionFailure", () => {
  it.each([
    [
      "a self-signed certificate in the chain",
      { code: "SELF_SIGNED_CERT_IN_CHAIN", message: "self-signed certificate in certificate chain" },
    ],
    [
      "an unknown issuer",
      { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", message: "unable to verify the first certificate" },
    ],
    ["Deno's unknown issuer", { message: "client error (Connect): invalid peer certificate: UnknownIssuer" }],
  ])("names %s as untrusted and gives both fixes", (_, cause) => {
    const { reason } = describeConnectionFailure(fetchFailed(cause), { host });
    expect(reason).toMatch(/^the TLS certificate of cloud\.mongodb\.com is not trusted/);
    expect(reason).toContain("`ca` option");
    expect(reason).toContain("NODE_EXTRA_CA_CERTS");
  });

  it.each([
    ["UnknownIssuer", "client error (Connect): invalid peer certificate: UnknownIssuer", /is not trusted/],
    [
      "NotValidForName",
      "client error (Connect): invalid peer certificate: NotValidForNameContext { expected: 127.0.0.1 }",
      /is not valid for/,
    ],
    ["Expired", "client error (Connect): invalid peer certificate: Expired", /expired or not yet valid/],
  ])("takes Deno's certificate error %s from its message as the code", (code, message, reason) => {
    const failure = describeConnectionFailure(new TypeError("fetch failed", { cause: new Error(message) }), {
      host,
    });
    expect(failure.code).toBe(code);
    expect(failure.reason).toMatch(reason);
  });

  it("names a certificate for another host", () => {
    const cause = {
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
      message: "Hostname/IP does not match certificate's altnames",
    };
    expect(describeConnectionFailure(fetchFailed(cause), { host }).reason).toMatch(
      /^the TLS certificate is not valid for cloud\.mongodb\.com \(ERR_TLS_CERT_ALTNAME_INVALID\): check the base URL/,
    );
  });

  it("names an expired certificate", () => {
    const cause = { code: "CERT_HAS_EXPIRED", message: "certificate has expired" };
    expect(describeConnectionFailure(fetchFailed(cause), { host }).reason).toMatch(
      /expired or not yet valid/,
    );
  });

  it("turns a proxy's 407 into what to put in the proxy URL, without its password", () => {
    const error = fetchFailed({
      code: "UND_ERR_ABORTED",
      message: "Proxy response (407) !== 200 when HTTP Tunneling",
    });
    const { reason } = describeConnectionFailure(error, { host, proxy });
    expect(reason).toMatch(
      /^the proxy http:\/\/\*\*\*@proxy\.corp:3128\/ answered 407 Proxy Authentication Required/,
    );
    expect(reason).toContain("http://user:password@host:port");
    expect(reason).not.toContain("hunter2");
  });

  it.each([
    [
      "Deno",
      new TypeError("fetch failed", {
        cause: new Error("client error (Connect): proxy authentication required"),
      }),
    ],
    [
      "undici without a known proxy",
      fetchFailed({ code: "UND_ERR_ABORTED", message: "Proxy response (407) !== 200 when HTTP Tunneling" }),
    ],
  ])("recognises a 407 as %s reports it", (_, error) => {
    expect(describeConnectionFailure(error, { host }).reason).toMatch(
      /^the proxy answered 407 Proxy Authentication Required: put the proxy's user and password in its URL/,
    );
  });

  it("names Bun's refused tunnel and the credentials fix", () => {
    const error = Object.assign(new Error("ERR_PROXY_TUNNEL"), { code: "ERR_PROXY_TUNNEL" });
    expect(describeConnectionFailure(error, { host }).reason).toMatch(
      /^the proxy refused the tunnel to cloud\.mongodb\.com \(ERR_PROXY_TUNNEL\); if it asks for credentials, put/,
    );
  });

  it("names a proxy that refuses connections, and the variables to check", () => {
    const error = fetchFailed({
      code: "ECONNREFUSED",
      port: 3128,
      message: "connect ECONNREFUSED 10.0.0.1:3128",
    });
    const { reason, code } = describeConnectionFailure(error, { host, proxy });
    expect(code).toBe("ECONNREFUSED");
    expect(reason).toMatch(
      /^could not connect to the proxy http:\/\/\*\*\*@proxy\.corp:3128\/ \(ECONNREFUSED\): check HTTPS_PROXY/,
    );
  });

  it("does not blame the proxy for a host NO_PROXY sent direct", () => {
    const error = fetchFailed({
      code: "ECONNREFUSED",
      port: 443,
      message: "connect ECONNREFUSED 1.2.3.4:443",
    });
    expect(describeConnectionFailure(error, { host, proxy }).reason).toBe("ECONNREFUSED");
  });

  it("keeps the system error code of any other failure", () => {
    const error = fetchFailed({ code: "ECONNRESET", message: "read ECONNRESET" });
    expect(describeConnectionFailure(error, { host })).toEqual({ code: "ECONNRESET", reason: "ECONNRESET" });
  });

  it("falls back to the innermost message that says more than fetch failed", () => {
    expect(describeConnectionFailure(fetchFailed(new Error("other side closed")), { host }).reason).toBe(
      "other side closed",
    );
  });
});
