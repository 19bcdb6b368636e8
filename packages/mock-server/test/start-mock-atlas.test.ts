import { inspect } from "node:util";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  createManualClock,
  startMockAtlas,
  type MockAtlas,
  type MockAtlasOptions,
} from "../src/index.js";
import {
  ATLAS_ACCEPT,
  DOCUMENTED_REF,
  digestAuthorization,
  fetchNonce,
  jobPath,
  requestToken,
} from "./helpers.js";

describe("startMockAtlas", () => {
  it("listens on 127.0.0.1 on a free port by default and closes", async () => {
    const atlas = await startMockAtlas();
    expect(atlas.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await atlas.close();
    await expect(fetch(atlas.url)).rejects.toThrow();
  });

  it("can be closed twice", async () => {
    const atlas = await startMockAtlas();
    await atlas.close();
    await expect(atlas.close()).resolves.toBeUndefined();
  });

  it("closes while a client holds a keep-alive connection", async () => {
    const atlas = await startMockAtlas();
    await (await fetch(`${atlas.url}/nothing-here`)).text();
    await expect(atlas.close()).resolves.toBeUndefined();
  });

  it("accepts the demo API key and service account when given no credentials", async () => {
    const atlas = await startMockAtlas();
    try {
      const path = jobPath(DOCUMENTED_REF);
      const nonce = await fetchNonce(atlas.url, path);
      const authorization = digestAuthorization({
        username: DEMO_API_KEY.publicKey,
        password: DEMO_API_KEY.privateKey,
        uri: path,
        nonce,
      });
      expect((await fetch(atlas.url + path, { headers: { ...ATLAS_ACCEPT, authorization } })).status).toBe(
        200,
      );
      expect(
        (await requestToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret))
          .status,
      ).toBe(200);
    } finally {
      await atlas.close();
    }
  });

  it("drops the demo service account once only API keys are given", async () => {
    const atlas = await startMockAtlas({ apiKeys: [{ publicKey: "abcdefgh", privateKey: "p" }] });
    try {
      expect(
        (await requestToken(atlas.url, DEMO_SERVICE_ACCOUNT.clientId, DEMO_SERVICE_ACCOUNT.clientSecret))
          .status,
      ).toBe(401);
    } finally {
      await atlas.close();
    }
  });

  it("serves no job when given an empty job list", async () => {
    const atlas = await startMockAtlas({ jobs: [] });
    try {
      expect(atlas.jobs.list()).toEqual([]);
    } finally {
      await atlas.close();
    }
  });

  it("zeroes the counters in place with resetStats()", async () => {
    const atlas = await startMockAtlas();
    try {
      const stats = atlas.stats;
      await (await fetch(atlas.url + jobPath(DOCUMENTED_REF))).text();
      expect(stats.requests).toBe(1);
      atlas.resetStats();
      expect(stats).toMatchObject({ requests: 0, challenges: 0, byPath: {}, byStatus: {} });
    } finally {
      await atlas.close();
    }
  });

  it("keeps credentials out of the returned object", async () => {
    const atlas = await startMockAtlas({
      apiKeys: [{ publicKey: "abcdefgh", privateKey: "super-secret-key" }],
    });
    try {
      expect(inspect(atlas, { depth: 10 })).not.toContain("super-secret-key");
      expect(JSON.stringify(atlas)).not.toContain("super-secret-key");
    } finally {
      await atlas.close();
    }
  });

  it.each<[string, MockAtlasOptions, RegExp]>([
    ["a port out of range", { port: 70000 }, /option "port" must be an integer 0-65535/],
    ["an empty host", { host: "" }, /option "host" must be a host name or address/],
    [
      "an API key without a private key",
      { apiKeys: [{ publicKey: "abcdefgh", privateKey: "" }] },
      /apiKeys\[0\]\.privateKey/,
    ],
    [
      "a service account id with a colon",
      { serviceAccounts: [{ clientId: "a:b", clientSecret: "s" }] },
      /serviceAccounts\[0\]\.clientId/,
    ],
    [
      "a clock without now()",
      { clock: {} as never },
      /option "clock" must be an object with a now\(\) method/,
    ],
    ["a zero nonce lifetime", { nonceTtlMs: 0 }, /option "nonceTtlMs" must be a number > 0/],
    ["a fractional token lifetime", { tokenTtlSeconds: 1.5 }, /option "tokenTtlSeconds"/],
    [
      "a rate limit of zero",
      { rateLimit: { limit: 0, windowMs: 1000 } },
      /option "rateLimit" must be false or/,
    ],
    [
      "a bad job",
      { jobs: [{ groupId: "nope", clusterName: "Cluster0", exportId: "32b6e34b3d91647abb20e7b8" }] },
      /job "groupId"/,
    ],
  ])("rejects %s with an error naming the package and the option", async (_name, options, message) => {
    await expect(startMockAtlas(options)).rejects.toThrow(message);
    await expect(startMockAtlas(options)).rejects.toThrow(/^@atlas-export\/mock-server: /);
  });

  it("never repeats a rejected value in its error (a pasted PUBLIC:PRIVATE, say)", async () => {
    const error = await startMockAtlas({
      apiKeys: [{ publicKey: "abcdefgh:pasted-private-key", privateKey: "p" }],
    }).then(
      () => new Error("expected startMockAtlas to reject"),
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toMatch(/"apiKeys\[0\]\.publicKey" must be a non-empty string without ':'/);
    expect(error.message).not.toContain("pasted-private-key");
  });

  it("rejects when the port is taken", async () => {
    const first = await startMockAtlas();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startMockAtlas({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("has the documented signature", () => {
    expectTypeOf(startMockAtlas).parameter(0).toEqualTypeOf<MockAtlasOptions | undefined>();
    expectTypeOf(startMockAtlas).returns.resolves.toEqualTypeOf<MockAtlas>();
    expectTypeOf<MockAtlas["url"]>().toEqualTypeOf<string>();
    // @ts-expect-error -- outcome is one of the three terminal states, not any string
    const bad: MockAtlasOptions = { jobs: [{ ...DOCUMENTED_REF, outcome: "Done" }] };
    void bad;
  });
});

describe("createManualClock", () => {
  it("starts at the documented createdAt and moves only when told", () => {
    const clock = createManualClock();
    expect(new Date(clock.now()).toISOString()).toBe("2025-05-04T09:42:00.000Z");
    expect(clock.advance(1_500)).toBe(Date.parse("2025-05-04T09:42:01.500Z"));
    expect(clock.set("2026-01-01T00:00:00Z")).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("refuses to go backwards with advance()", () => {
    expect(() => createManualClock().advance(-1)).toThrow(/advance\(ms\) needs a finite ms >= 0/);
  });
});
