import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exit-codes.js";
import { resolveCredentials } from "../src/resolve-credentials.js";
import { UsageError } from "../src/usage-error.js";

const SA_ENV = { MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id_env", MONGODB_ATLAS_CLIENT_SECRET: "env-client-secret" };
const KEY_ENV = { MONGODB_ATLAS_PUBLIC_API_KEY: "envpub", MONGODB_ATLAS_PRIVATE_API_KEY: "env-private-key" };

function errorOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("resolveCredentials", () => {
  it("uses a service account from the environment without warnings", () => {
    expect(resolveCredentials({}, SA_ENV)).toEqual({
      credentials: {
        kind: "serviceAccount",
        clientId: "mdb_sa_id_env",
        clientSecret: "env-client-secret",
        source: "environment",
      },
      warnings: [],
    });
  });

  it("uses an API key from the environment", () => {
    expect(resolveCredentials({}, KEY_ENV).credentials).toMatchObject({
      kind: "apiKey",
      publicKey: "envpub",
    });
  });

  it("prefers a service account when the environment has both", () => {
    expect(resolveCredentials({}, { ...KEY_ENV, ...SA_ENV }).credentials.kind).toBe("serviceAccount");
  });

  it("prefers flags over the environment and warns that the secret is visible in process lists", () => {
    const resolved = resolveCredentials({ publicKey: "flagpub", privateKey: "flag-private" }, SA_ENV);
    expect(resolved.credentials).toMatchObject({ kind: "apiKey", publicKey: "flagpub", source: "flags" });
    expect(resolved.warnings).toHaveLength(1);
    expect(resolved.warnings[0]).toMatch(/process list.*MONGODB_ATLAS_PRIVATE_API_KEY/);
    expect(resolved.warnings[0]).not.toContain("flag-private");
  });

  it("warns about --client-secret on the command line", () => {
    const resolved = resolveCredentials({ clientId: "id", clientSecret: "flag-secret" }, {});
    expect(resolved.warnings[0]).toMatch(/--client-secret.*MONGODB_ATLAS_CLIENT_SECRET/);
    expect(resolved.warnings[0]).not.toContain("flag-secret");
  });

  it("says which variables to set when there are no credentials (exit 3)", () => {
    const error = errorOf(() => resolveCredentials({}, {}));
    expect(error.exitCode).toBe(EXIT_CODES.authentication);
    expect(error.message).toMatch(/no Atlas credentials/);
    expect(error.hint).toMatch(/MONGODB_ATLAS_CLIENT_ID.*MONGODB_ATLAS_CLIENT_SECRET/);
    expect(error.hint).toMatch(/MONGODB_ATLAS_PUBLIC_API_KEY.*MONGODB_ATLAS_PRIVATE_API_KEY/);
  });

  it("treats empty variables as unset", () => {
    expect(() =>
      resolveCredentials({}, { MONGODB_ATLAS_CLIENT_ID: "", MONGODB_ATLAS_CLIENT_SECRET: "" }),
    ).toThrow(/no Atlas credentials/);
  });

  it.each([
    [
      "a client id without its secret",
      {},
      { MONGODB_ATLAS_CLIENT_ID: "id" },
      /MONGODB_ATLAS_CLIENT_SECRET is not/,
    ],
    [
      "a private key without its public key",
      {},
      { MONGODB_ATLAS_PRIVATE_API_KEY: "k" },
      /MONGODB_ATLAS_PUBLIC_API_KEY is not/,
    ],
    ["--client-secret without --client-id", { clientSecret: "s" }, {}, /--client-id is not/],
  ])("names the missing half of %s", (_name, flags, env, message) => {
    const error = errorOf(() => resolveCredentials(flags, env));
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(EXIT_CODES.authentication);
  });

  it("rejects both kinds of credential flags at once as a usage error", () => {
    const error = errorOf(() =>
      resolveCredentials({ clientId: "i", clientSecret: "s", publicKey: "p", privateKey: "k" }, {}),
    );
    expect(error.exitCode).toBe(EXIT_CODES.usage);
  });
});
