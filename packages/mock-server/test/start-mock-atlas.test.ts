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

  // `given` goes to startMockAtlas as it is; `want` is the whole message, so a value described twice
  // ("got a 9-character string" for undefined) or described by typeof ("got object" for null) shows.
  it.each<[string, { given: unknown; want: string }]>([
    ["options that are an array", { given: [], want: 'option "options" must be an object, got an array' }],
    [
      "an API key without a private key",
      {
        given: { apiKeys: [{ publicKey: "x" }] },
        want: 'option "apiKeys[0].privateKey" must be a non-empty string, got undefined',
      },
    ],
    [
      "an API key with an empty private key",
      {
        given: { apiKeys: [{ publicKey: "x", privateKey: "" }] },
        want: 'option "apiKeys[0].privateKey" must be a non-empty string, got an empty string',
      },
    ],
    [
      "an API key with a numeric private key",
      {
        given: { apiKeys: [{ publicKey: "x", privateKey: 42 }] },
        want: 'option "apiKeys[0].privateKey" must be a non-empty string, got 42',
      },
    ],
    [
      "an API key without a public key",
      {
        given: { apiKeys: [{ privateKey: "p" }] },
        want: "option \"apiKeys[0].publicKey\" must be a non-empty string without ':', got undefined",
      },
    ],
    [
      "an API key that is a PUBLIC:PRIVATE string",
      {
        given: { apiKeys: ["abc:defg"] },
        want: 'option "apiKeys[0]" must be an object { publicKey, privateKey }, got a string of 8 characters',
      },
    ],
    [
      "an API key that is null",
      {
        given: { apiKeys: [null] },
        want: 'option "apiKeys[0]" must be an object { publicKey, privateKey }, got null',
      },
    ],
    [
      "API keys that are one object",
      {
        given: { apiKeys: { publicKey: "x", privateKey: "p" } },
        want: 'option "apiKeys" must be an array of { publicKey, privateKey }, got an object',
      },
    ],
    [
      "a service account without a secret",
      {
        given: { serviceAccounts: [{ clientId: "id" }] },
        want: 'option "serviceAccounts[0].clientSecret" must be a non-empty string, got undefined',
      },
    ],
    [
      "a service account with an empty secret",
      {
        given: { serviceAccounts: [{ clientId: "id", clientSecret: "" }] },
        want: 'option "serviceAccounts[0].clientSecret" must be a non-empty string, got an empty string',
      },
    ],
    [
      "a service account without an id",
      {
        given: { serviceAccounts: [{ clientSecret: "s" }] },
        want: "option \"serviceAccounts[0].clientId\" must be a non-empty string without ':', got undefined",
      },
    ],
    [
      "a service account that is undefined",
      {
        given: { serviceAccounts: [undefined] },
        want: 'option "serviceAccounts[0]" must be an object { clientId, clientSecret }, got undefined',
      },
    ],
    [
      "an empty host",
      { given: { host: "" }, want: 'option "host" must be a host name or address, got an empty string' },
    ],
    [
      "a port given as a string",
      {
        given: { port: "8080" },
        want: 'option "port" must be an integer 0-65535 (0 picks a free port), got a string of 4 characters',
      },
    ],
    [
      "a negative port",
      { given: { port: -1 }, want: 'option "port" must be an integer 0-65535 (0 picks a free port), got -1' },
    ],
    [
      "a clock without now()",
      { given: { clock: {} }, want: 'option "clock" must be an object with a now() method, got an object' },
    ],
    [
      "a lifecycle duration given as a string",
      {
        given: { exportJobLifecycle: { queuedMs: "5" } },
        want: 'option "exportJobLifecycle.queuedMs" must be an integer >= 0, got a string of 1 character',
      },
    ],
    [
      "a NaN nonce lifetime",
      { given: { nonceTtlMs: Number.NaN }, want: 'option "nonceTtlMs" must be a number > 0, got NaN' },
    ],
    [
      "a token lifetime given as a string",
      {
        given: { tokenTtlSeconds: "3600" },
        want: 'option "tokenTtlSeconds" must be an integer > 0, got a string of 4 characters',
      },
    ],
    [
      "a rate limit of true",
      {
        given: { rateLimit: true },
        want: 'option "rateLimit" must be false or { limit: integer >= 1, windowMs: number > 0 }, got true',
      },
    ],
    [
      "tls given as a function",
      {
        given: { tls: () => "cert" },
        want: 'option "tls" must be false or { key, cert } with non-empty PEM strings or Buffers, got a function',
      },
    ],
    [
      "jobs that are one object",
      { given: { jobs: {} }, want: 'option "jobs" must be an array of job definitions, got an object' },
    ],
    [
      "a job whose groupId is null",
      {
        given: { jobs: [{ groupId: null, clusterName: "Cluster0", exportId: "32b6e34b3d91647abb20e7b8" }] },
        want: 'job needs "groupId" as a string, got null',
      },
    ],
    [
      "a job duration given as a string",
      {
        given: { jobs: [{ ...DOCUMENTED_REF, durationMs: "10" }] },
        want: `job ${DOCUMENTED_REF.groupId}/${DOCUMENTED_REF.clusterName}/${DOCUMENTED_REF.exportId}: "durationMs" must be an integer >= 0, got a string of 2 characters`,
      },
    ],
    [
      "a cluster whose clusterName is a number",
      {
        given: { clusters: [{ groupId: DOCUMENTED_REF.groupId, clusterName: 5 }] },
        want: 'cluster needs "clusterName" as a string, got 5',
      },
    ],
    [
      "a snapshot whose clusterName is null",
      {
        given: { snapshots: [{ groupId: DOCUMENTED_REF.groupId, clusterName: null }] },
        want: 'snapshot needs "clusterName" as a string, got null',
      },
    ],
    [
      "a delay fault whose ms is a string",
      {
        given: { faults: [{ fault: { type: "delay", ms: "5" } }] },
        want: 'fault rule 0: delay "ms" must be a number >= 0, got a string of 1 character',
      },
    ],
    [
      "a fault rule whose times is a string",
      {
        given: { faults: [{ times: "2", fault: { type: "reset" } }] },
        want: 'fault rule 0: "times" must be an integer >= 1, got a string of 1 character',
      },
    ],
  ])("says what it got, described once, for %s", async (_name, { given, want }) => {
    const error = await startMockAtlas(given as MockAtlasOptions).then(
      async (started) => {
        await started.close();
        return new Error("expected startMockAtlas to reject");
      },
      (thrown: unknown) => thrown as Error,
    );
    expect(error.message).toBe(`@atlas-export/mock-server: ${want}`);
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
