import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AtlasValidationError } from "../src/atlas-validation-error.js";
import { chooseDispatcher, environmentProxy } from "../src/choose-dispatcher.js";
import { redactUrlCredentials } from "../src/redact-url-credentials.js";
import { resolveCaOption } from "../src/resolve-ca-option.js";
import { resolveProxyOption } from "../src/resolve-proxy-option.js";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("resolveProxyOption", () => {
  it.each([
    ["absent", undefined, undefined],
    ["false", false, false],
  ])("keeps %s as it is", (_, given, want) => {
    expect(resolveProxyOption(given)).toBe(want);
  });

  it("parses an http(s) proxy URL, credentials included", () => {
    expect((resolveProxyOption("http://user:secret@proxy.example:3128") as URL).href).toBe(
      "http://user:secret@proxy.example:3128/",
    );
    expect((resolveProxyOption(new URL("https://proxy.example")) as URL).href).toBe("https://proxy.example/");
  });

  it.each([
    ["a socks URL with a password", "socks5://user:hunter2@proxy:1080"],
    ["a word", "hunter2"],
    ["true", true],
    ["a number", 3128],
  ])("rejects %s without repeating it", (_, given) => {
    const error = (() => {
      try {
        resolveProxyOption(given);
      } catch (caught) {
        return caught;
      }
    })() as AtlasValidationError;
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect(error.message).toMatch(/createAtlasClient\(\{ proxy \}\) must be false \(no proxy\) or an http/);
    expect(error.message).not.toContain("hunter2");
    expect(error.parameter).toBe("proxy");
  });
});

describe("resolveCaOption", () => {
  it.each([
    ["a PEM string", PEM, [PEM]],
    ["a Buffer", Buffer.from(PEM), [PEM]],
    ["an array", [PEM, Buffer.from(PEM)], [PEM, PEM]],
    ["absent", undefined, undefined],
  ])("accepts %s", (_, given, want) => {
    expect(resolveCaOption(given)).toEqual(want);
  });

  it.each([
    ["a file name", "/etc/ssl/ca.pem"],
    ["an empty array", []],
    ["an array with a number", [PEM, 1]],
    ["a private key", "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----"],
  ])("rejects %s with a message that says how to read a file", (_, given) => {
    expect(() => resolveCaOption(given)).toThrow(
      /createAtlasClient\(\{ ca \}\) must be PEM certificate text .* fs\.readFileSync\("ca\.pem"\)/,
    );
  });
});

describe("redactUrlCredentials", () => {
  it.each([
    ["user and password", "http://user:p%40ss@proxy:3128", "http://***@proxy:3128/"],
    ["a user alone", "http://token@proxy:3128/", "http://***@proxy:3128/"],
    ["no credentials", "http://proxy:3128", "http://proxy:3128/"],
    ["no URL", "not a url", "(not a URL)"],
  ])("redacts %s", (_, given, want) => {
    expect(redactUrlCredentials(given)).toBe(want);
  });
});

describe("chooseDispatcher", () => {
  const proxy = new URL("http://proxy:3128");
  it.each([
    ["nothing set: the global fetch", { proxy: undefined, ca: undefined }, {}, { kind: "global" }],
    [
      "HTTPS_PROXY",
      { proxy: undefined, ca: undefined },
      { HTTPS_PROXY: "http://p:1" },
      { kind: "environment" },
    ],
    [
      "http_proxy",
      { proxy: undefined, ca: undefined },
      { http_proxy: "http://p:1" },
      { kind: "environment" },
    ],
    ["NO_PROXY alone", { proxy: undefined, ca: undefined }, { NO_PROXY: "*" }, { kind: "global" }],
    [
      "proxy: false over HTTPS_PROXY",
      { proxy: false, ca: undefined },
      { HTTPS_PROXY: "http://p:1" },
      { kind: "global" },
    ],
    [
      "proxy: false when Node reads the variables itself",
      { proxy: false, ca: undefined },
      { HTTPS_PROXY: "http://p:1", NODE_USE_ENV_PROXY: "1" },
      { kind: "direct" },
    ],
    [
      "a proxy URL over the environment",
      { proxy, ca: undefined },
      { HTTPS_PROXY: "http://p:1" },
      { kind: "proxy", proxy },
    ],
    ["ca alone", { proxy: undefined, ca: [PEM] }, {}, { kind: "direct", ca: [PEM] }],
    [
      "ca with HTTPS_PROXY",
      { proxy: undefined, ca: [PEM] },
      { HTTPS_PROXY: "http://p:1" },
      { kind: "environment", ca: [PEM] },
    ],
  ] as const)("%s", (_, options, env, want) => {
    expect(chooseDispatcher(options as never, env)).toMatchObject(want);
  });

  it("reads the lower-case variable first, as curl does", () => {
    expect(environmentProxy("https:", { https_proxy: "http://a:1", HTTPS_PROXY: "http://b:1" })?.host).toBe(
      "a:1",
    );
    expect(environmentProxy("http:", { HTTP_PROXY: "http://b:1" })?.host).toBe("b:1");
    expect(environmentProxy("https:", { HTTP_PROXY: "http://b:1" })).toBeUndefined();
  });

  it("never shows a proxy password when inspected", () => {
    const choice = chooseDispatcher({ proxy: new URL("http://u:hunter2@p:1"), ca: undefined }, {});
    expect(redactUrlCredentials((choice as { proxy: URL }).proxy)).not.toContain("hunter2");
    expect(inspect(redactUrlCredentials("http://u:hunter2@p:1"))).not.toContain("hunter2");
  });
});
