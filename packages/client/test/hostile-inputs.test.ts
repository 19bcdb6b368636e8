import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AtlasValidationError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClientOptions,
} from "../src/index.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch } from "./support/scripted-fetch.js";

const PASSWORD = "s3cret-pa55word";

/** The error `create` throws, checked to be an AtlasValidationError that never shows the password. */
function refusal(create: () => unknown): AtlasValidationError {
  let thrown: unknown;
  try {
    create();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AtlasValidationError);
  const shown = `${String(thrown)} ${JSON.stringify(thrown)} ${inspect(thrown, { depth: 5 })}`;
  expect(shown).not.toContain(PASSWORD);
  return thrown as AtlasValidationError;
}

describe("baseUrl", () => {
  it.each([
    ["credentials", `https://admin:${PASSWORD}@cloud.mongodb.com`, "no credentials"],
    ["credentials on a loopback URL", `http://admin:${PASSWORD}@127.0.0.1:8080/`, "no credentials"],
    [
      "credentials in a URL of another scheme",
      `ftp://admin:${PASSWORD}@cloud.mongodb.com`,
      "absolute http(s) URL",
    ],
    ["a query", "https://cloud.mongodb.com/?envelope=true", "no query or fragment"],
    ["an empty query", "https://cloud.mongodb.com?", "no query or fragment"],
    ["a fragment", "https://cloud.mongodb.com#x", "no query or fragment"],
    ["a leading space", " https://cloud.mongodb.com", "no surrounding spaces"],
    ["a trailing newline", "https://cloud.mongodb.com\n", "no surrounding spaces"],
  ])("with %s is refused with AtlasValidationError, never echoing a password", (_name, baseUrl, rule) => {
    const error = refusal(() => createAtlasClient({ baseUrl }));
    expect(error).toMatchObject({ parameter: "baseUrl", rule });
  });

  it("with credentials from MONGODB_ATLAS_BASE_URL is refused the same way", () => {
    const error = refusal(() =>
      createAtlasClient.fromEnv({
        env: {
          MONGODB_ATLAS_PUBLIC_API_KEY: "p",
          MONGODB_ATLAS_PRIVATE_API_KEY: "k",
          MONGODB_ATLAS_BASE_URL: `https://u:${PASSWORD}@cloud.mongodb.com`,
        },
      }),
    );
    expect(error.parameter).toBe("baseUrl");
  });

  it.each(["tokenUrl", "revokeUrl"])(
    "%s with credentials is refused when serviceAccountAuth is created",
    (key) => {
      const error = refusal(() =>
        serviceAccountAuth({
          clientId: "id",
          clientSecret: "secret",
          [key]: `https://u:${PASSWORD}@idp.example/x`,
        }),
      );
      expect(error.parameter).toBe(key);
    },
  );
});

describe("credentials with control characters", () => {
  it.each([
    [
      "a private key with a trailing newline",
      () => digestAuth({ publicKey: "pub", privateKey: `${PASSWORD}\n` }),
      "privateKey",
    ],
    [
      "a public key with CR LF",
      () => digestAuth({ publicKey: "pub\r\nX-Injected: 1", privateKey: PASSWORD }),
      "publicKey",
    ],
    [
      "a client secret with a tab",
      () => serviceAccountAuth({ clientId: "id", clientSecret: `${PASSWORD}\t` }),
      "clientSecret",
    ],
    [
      "a client id with NUL",
      () => serviceAccountAuth({ clientId: "id\0", clientSecret: PASSWORD }),
      "clientId",
    ],
  ])("%s is refused when the auth is created, without showing it", (_name, create, parameter) => {
    const error = refusal(create);
    expect(error).toMatchObject({ parameter, rule: "no control characters" });
  });
});

describe("durations Node's timers cannot keep (2^31 ms or more fire after 1 ms)", () => {
  it.each<[string, AtlasClientOptions]>([
    ["timeoutMs", { timeoutMs: 2 ** 31 }],
    ["retry.initialDelayMs", { retry: { initialDelayMs: 2 ** 31 } }],
    ["retry.maxDelayMs", { retry: { maxDelayMs: 2 ** 40 } }],
    ["retry.maxRetryAfterMs", { retry: { maxRetryAfterMs: 2 ** 31 } }],
  ])("createAtlasClient refuses %s above 2147483647, saying the limit", (parameter, options) => {
    const error = refusal(() => createAtlasClient(options));
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain("2147483647");
  });

  it("createAtlasClient accepts 2147483647 ms", () => {
    expect(() =>
      createAtlasClient({ timeoutMs: 2 ** 31 - 1, retry: { maxRetryAfterMs: 2 ** 31 - 1 } }),
    ).not.toThrow();
  });

  it("serviceAccountAuth refuses refreshBeforeExpiryMs above 2147483647", () => {
    const error = refusal(() =>
      serviceAccountAuth({ clientId: "i", clientSecret: "s", refreshBeforeExpiryMs: 2 ** 31 }),
    );
    expect(error.message).toContain("2147483647");
  });

  it.each(["pollIntervalMs", "maxPollIntervalMs", "timeoutMs"])(
    "waitForBackupExportJob refuses %s of 2^31 before sending anything",
    async (parameter) => {
      const { fetch, requests } = scriptedFetch(Array.from({ length: 5 }, () => jsonResponse(200, job())));
      const error = await createAtlasClient({ fetch })
        .waitForBackupExportJob(ids, { [parameter]: 2 ** 31 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AtlasValidationError);
      expect(error).toMatchObject({ parameter });
      expect((error as Error).message).toContain("2147483647");
      expect(requests).toHaveLength(0);
    },
  );
});
