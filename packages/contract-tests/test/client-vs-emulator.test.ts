import {
  AtlasApiError,
  AtlasAuthError,
  AtlasExportFailedError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClientOptions,
} from "@atlas-export/client";
import {
  createManualClock,
  DEMO_API_KEY,
  DEMO_SERVICE_ACCOUNT,
  DOCUMENTED_EXPORT_JOB,
  DOCUMENTED_EXPORT_JOB_DEFINITION,
  startMockAtlas,
  type MockAtlasOptions,
} from "@atlas-export/mock-server";
import type { BackupExportJob } from "@atlas-export/types";
import { describe, expect, it, onTestFinished } from "vitest";
import { collectExamples } from "../src/collect-examples.js";
import { createSpecAjv } from "../src/create-spec-ajv.js";
import { loadSpec } from "../src/load-spec.js";
import { readOperations } from "../src/read-spec-operations.js";

const document = await loadSpec();
const validateJob = createSpecAjv(document, { closed: true }).validatorFor(
  "#/components/schemas/DiskBackupExportJob",
);
const documentedRef = {
  groupId: DOCUMENTED_EXPORT_JOB_DEFINITION.groupId,
  clusterName: DOCUMENTED_EXPORT_JOB_DEFINITION.clusterName,
  exportId: DOCUMENTED_EXPORT_JOB_DEFINITION.exportId,
};

/** An emulator for one test, closed when the test ends (pass or fail). */
async function emulator(options: MockAtlasOptions = {}) {
  const atlas = await startMockAtlas(options);
  onTestFinished(() => atlas.close());
  return atlas;
}

/** Retries without backoff: the emulator's Retry-After is 0, and tests do not sleep on the wall clock. */
const noBackoff = { maxRetries: 2, initialDelayMs: 0, maxDelayMs: 0 } satisfies AtlasClientOptions["retry"];

describe("the client against the emulator", () => {
  it("serves the spec's documented 200 example as its default job", () => {
    const documented = collectExamples(document).find(
      (example) => example.operationId === "getBackupExportJob" && example.status === "200",
    );
    expect(DOCUMENTED_EXPORT_JOB).toEqual(documented?.value);
  });

  it("gets the documented job with HTTP Digest, paying the challenge round trip once", async () => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: digestAuth(DEMO_API_KEY) });
    await expect(client.getBackupExportJob(documentedRef)).resolves.toEqual(DOCUMENTED_EXPORT_JOB);
    await expect(client.getBackupExportJob(documentedRef)).resolves.toEqual(DOCUMENTED_EXPORT_JOB);
    expect(atlas.stats).toMatchObject({
      challenges: 1,
      digestAuthenticated: 2,
      authFailures: 0,
      requests: 3,
    });
  });

  it("gets the documented job with a service account, minting one token and revoking it on close", async () => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT) });
    const jobs = await Promise.all([1, 2, 3].map(() => client.getBackupExportJob(documentedRef)));
    expect(jobs).toEqual([DOCUMENTED_EXPORT_JOB, DOCUMENTED_EXPORT_JOB, DOCUMENTED_EXPORT_JOB]);
    expect(atlas.stats).toMatchObject({ tokensMinted: 1, bearerAuthenticated: 3, authFailures: 0 });
    await client.close();
    expect(atlas.stats.tokensRevoked).toBe(1);
  });

  it("answers a stale digest nonce by re-signing once, without failing the call", async () => {
    const clock = createManualClock();
    const atlas = await emulator({ clock, nonceTtlMs: 60_000 });
    const client = createAtlasClient({ baseUrl: atlas.url, auth: digestAuth(DEMO_API_KEY) });
    await client.getBackupExportJob(documentedRef);
    clock.advance(61_000);
    await expect(client.getBackupExportJob(documentedRef)).resolves.toEqual(DOCUMENTED_EXPORT_JOB);
    expect(atlas.stats).toMatchObject({ staleNonces: 1, digestAuthenticated: 2 });
  });

  it("signs concurrent digest calls with distinct nonce counts, so none is rejected as a replay", async () => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: digestAuth(DEMO_API_KEY) });
    const jobs = await Promise.all(Array.from({ length: 8 }, () => client.getBackupExportJob(documentedRef)));
    expect(jobs).toHaveLength(8);
    expect(atlas.stats).toMatchObject({ replaysRejected: 0, authFailures: 0, digestAuthenticated: 8 });
  });

  it("re-mints a service-account token the emulator considers expired, once", async () => {
    const clock = createManualClock();
    const atlas = await emulator({ clock, tokenTtlSeconds: 3600 });
    const client = createAtlasClient({ baseUrl: atlas.url, auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT) });
    await client.getBackupExportJob(documentedRef);
    // Only the emulator's clock moves: the client still believes its token fresh, gets a 401 and re-mints.
    clock.advance(3_601_000);
    await expect(client.getBackupExportJob(documentedRef)).resolves.toEqual(DOCUMENTED_EXPORT_JOB);
    expect(atlas.stats).toMatchObject({ tokensMinted: 2, bearerAuthenticated: 2 });
  });

  it.each<[string, () => NonNullable<AtlasClientOptions["auth"]>]>([
    ["an API key with a wrong private key", () => digestAuth({ ...DEMO_API_KEY, privateKey: "wrong" })],
    [
      "a service account with a wrong secret",
      () => serviceAccountAuth({ ...DEMO_SERVICE_ACCOUNT, clientSecret: "wrong" }),
    ],
  ])("rejects %s with AtlasAuthError, never echoing the secret", async (_name, auth) => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: auth(), retry: { maxRetries: 0 } });
    const error = await client.getBackupExportJob(documentedRef).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlasAuthError);
    expect(String((error as Error).message)).not.toContain(DEMO_API_KEY.privateKey);
    expect(String((error as Error).message)).not.toContain(DEMO_SERVICE_ACCOUNT.clientSecret);
  });

  it("unwraps an envelope=true answer into the same job", async () => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: digestAuth(DEMO_API_KEY) });
    await expect(client.getBackupExportJob(documentedRef, { envelope: true })).resolves.toEqual(
      DOCUMENTED_EXPORT_JOB,
    );
  });

  it("turns an enveloped 404 into AtlasApiError 404 RESOURCE_NOT_FOUND", async () => {
    const atlas = await emulator();
    const client = createAtlasClient({ baseUrl: atlas.url, auth: digestAuth(DEMO_API_KEY) });
    const missing = { ...documentedRef, exportId: "ffffffffffffffffffffffff" };
    const error = await client
      .getBackupExportJob(missing, { envelope: true })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 404, errorCode: "RESOURCE_NOT_FOUND" });
  });

  it.each([429, 503])("retries a %i answered twice and then gets the job", async (status) => {
    const atlas = await emulator({
      faults: [{ match: { endpoint: "job" }, times: 2, fault: { type: "status", status, retryAfter: 0 } }],
    });
    const client = createAtlasClient({
      baseUrl: atlas.url,
      auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
      retry: noBackoff,
    });
    await expect(client.getBackupExportJob(documentedRef)).resolves.toEqual(DOCUMENTED_EXPORT_JOB);
    expect(atlas.stats.faultsInjected).toBe(2);
    expect(atlas.stats.byStatus).toMatchObject({ [status]: 2, 200: 2 }); // 200: the token and the job
  });

  it("gives up after its retries with the last 503 as AtlasApiError", async () => {
    const atlas = await emulator({
      faults: [{ match: { endpoint: "job" }, fault: { type: "status", status: 503, retryAfter: 0 } }],
    });
    const client = createAtlasClient({
      baseUrl: atlas.url,
      auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
      retry: noBackoff,
    });
    const error = await client.getBackupExportJob(documentedRef).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(atlas.stats.faultsInjected).toBe(noBackoff.maxRetries + 1);
  });

  /**
   * A client whose every job request first moves the emulator's manual clock by `stepMs`, so a job's
   * lifecycle advances per poll and the test never waits on the wall clock (polls are 1 ms apart).
   */
  async function lifecycle(outcome: "Successful" | "Failed") {
    const clock = createManualClock();
    const ref = {
      groupId: "0123456789abcdef01234567",
      clusterName: "lifecycle-0",
      exportId: "89abcdef0123456789abcdef",
    };
    const atlas = await emulator({
      clock,
      jobs: [{ ...ref, totalCollections: 4, queuedMs: 2_000, durationMs: 8_000, outcome, shards: 2 }],
    });
    const client = createAtlasClient({
      baseUrl: atlas.url,
      auth: serviceAccountAuth(DEMO_SERVICE_ACCOUNT),
      fetch: (request) => {
        if (new URL(request.url).pathname.includes("/backup/exports/")) clock.advance(1_000);
        return fetch(request);
      },
    });
    const seen: BackupExportJob[] = [];
    const waiting = client.waitForBackupExportJob(ref, {
      pollIntervalMs: 1,
      maxPollIntervalMs: 1,
      onProgress: (job) => seen.push(job),
    });
    return { waiting, seen };
  }

  it("waits a job through Queued and InProgress to Successful, every poll valid against the schema", async () => {
    const { waiting, seen } = await lifecycle("Successful");
    const done = await waiting;
    expect(done.state).toBe("Successful");
    expect(done.exportStatus).toEqual({ exportedCollections: 4, totalCollections: 4 });
    const states = seen.map((job) => job.state);
    expect(states[0]).toBe("Queued");
    expect(states).toContain("InProgress");
    expect(states.at(-1)).toBe("Successful");
    const counts = seen.map((job) => job.exportStatus?.exportedCollections ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const job of seen) expect(validateJob(job) ? [] : validateJob.errors).toEqual([]);
  });

  it("rejects waiting on a Failed job with AtlasExportFailedError carrying the stateReason", async () => {
    const { waiting, seen } = await lifecycle("Failed");
    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlasExportFailedError);
    expect(error).toMatchObject({ state: "Failed", stateReason: { errorCode: expect.any(String) } });
    expect((error as AtlasExportFailedError).job.exportStatus?.exportedCollections).toBeLessThan(4);
    for (const job of seen) expect(validateJob(job) ? [] : validateJob.errors).toEqual([]);
  });
});

describe("the export workflow through the client against the emulator", () => {
  it("runs every operation of the spec, each answer valid against its closed 2xx schema", async () => {
    const clock = createManualClock();
    const atlas = await emulator({ clock });
    const closed = createSpecAjv(document, { closed: true });
    const operations = readOperations(document);
    /** The raw 2xx bodies the emulator sent, by operationId (found from method and path template). */
    const answered = new Map<string, unknown[]>();
    const client = createAtlasClient({
      baseUrl: atlas.url,
      auth: digestAuth(DEMO_API_KEY),
      fetch: async (request) => {
        const response = await fetch(request);
        const { pathname } = new URL(request.url);
        const operation = operations.find(
          (candidate) =>
            candidate.method.toUpperCase() === request.method &&
            new RegExp(`^${candidate.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(pathname),
        );
        if (operation && response.status === operation.success.status) {
          const text = await response.clone().text();
          answered.set(operation.operationId, [
            ...(answered.get(operation.operationId) ?? []),
            text === "" ? undefined : JSON.parse(text),
          ]);
        }
        return response;
      },
    });
    const groupId = "32b6e34b3d91647abb20e7b8";
    const clusterName = "Cluster0";
    const bucket = await client.createExportBucket(
      { groupId },
      { cloudProvider: "GCP", bucketName: "contract-exports", roleId: "668c5f0ed436263134491592" },
    );
    const exportBucketId = bucket._id!;
    await client.getExportBucket({ groupId, exportBucketId });
    await client.listExportBuckets({ groupId });
    const snapshots = await client.listReplicaSetBackups({ groupId, clusterName });
    const snapshotId = snapshots.results[0]!.id!;
    await client.getReplicaSetBackup({ groupId, clusterName, snapshotId });
    const job = await client.createBackupExportJob({ groupId, clusterName }, { snapshotId, exportBucketId });
    await client.getBackupExportJob({ groupId, clusterName, exportId: job.id! });
    await client.listBackupExportJobs({ groupId, clusterName });
    clock.advance(3_600_000); // the export has finished: its bucket may go
    await client.deleteExportBucket({ groupId, exportBucketId });

    expect([...answered.keys()].sort()).toEqual(operations.map((operation) => operation.operationId).sort());
    for (const operation of operations) {
      const schema = operation.success.schema as { $ref?: string } | undefined;
      for (const body of answered.get(operation.operationId) ?? []) {
        if (schema === undefined) {
          expect(body, `${operation.operationId} answers no body`).toBeUndefined();
          continue;
        }
        const validate = closed.validatorFor(
          schema.$ref ??
            `${operation.pointer}/responses/${operation.success.status}/content/${operation.success.mediaType.replaceAll("/", "~1")}/schema`,
        );
        expect(validate(body) ? [] : validate.errors, operation.operationId).toEqual([]);
      }
    }
  });
});
