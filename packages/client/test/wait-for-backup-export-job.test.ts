import type { BackupExportJob } from "@atlas-export/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AtlasAbortError,
  AtlasApiError,
  AtlasExportFailedError,
  AtlasTimeoutError,
  AtlasValidationError,
  createAtlasClient,
} from "../src/index.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { scriptedFetch, type Step } from "./support/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(1);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const queued = () =>
  jsonResponse(200, job({ state: "Queued", exportStatus: { exportedCollections: 0, totalCollections: 4 } }));
const progress = (n: number) => () =>
  jsonResponse(
    200,
    job({ state: "InProgress", exportStatus: { exportedCollections: n, totalCollections: 4 } }),
  );
const done = () =>
  jsonResponse(
    200,
    job({ state: "Successful", exportStatus: { exportedCollections: 4, totalCollections: 4 } }),
  );

function client(steps: Step[]) {
  const scripted = scriptedFetch(steps);
  return {
    atlas: createAtlasClient({ fetch: scripted.fetch }),
    requests: scripted.requests,
    times: scripted.times,
  };
}

/** Advances the fake clock in small steps (so each answer is read before the next timer fires). */
async function run<T>(promise: Promise<T>, _requests: Request[], untilMs: number) {
  let done = false;
  const settled = promise.then(
    (value) => ((done = true), { value }),
    (error: unknown) => ((done = true), { error }),
  );
  for (let t = 0; t <= untilMs && !done; t += 250) await vi.advanceTimersByTimeAsync(250);
  return { outcome: await settled };
}

const gapsOf = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("waitForBackupExportJob", () => {
  it("polls until Successful and resolves with the final job", async () => {
    const { atlas, requests } = client([queued(), progress(1)(), progress(2)(), done()]);
    const { outcome } = await run(atlas.waitForBackupExportJob(ids), requests, 20_000);
    expect(outcome).toEqual({ value: expect.objectContaining({ state: "Successful" }) });
    expect(requests).toHaveLength(4);
  });

  it("sends every poll with envelope=true when asked and unwraps each answer", async () => {
    const wrapped = (body: BackupExportJob) => () => jsonResponse(200, { status: 200, content: body });
    const { atlas, requests } = client([
      wrapped(job({ state: "InProgress", exportStatus: { exportedCollections: 1, totalCollections: 2 } })),
      wrapped(job({ state: "Successful", exportStatus: { exportedCollections: 2, totalCollections: 2 } })),
    ]);
    const { outcome } = await run(atlas.waitForBackupExportJob(ids, { envelope: true }), requests, 10_000);
    expect(outcome).toEqual({ value: expect.objectContaining({ state: "Successful" }) });
    expect(requests.map((request) => new URL(request.url).searchParams.get("envelope"))).toEqual([
      "true",
      "true",
    ]);
  });

  it("starts at about 2 s and grows the interval to at most 30 s", async () => {
    const steps: Step[] = Array.from({ length: 12 }, () => progress(1)());
    steps.push(done());
    const { atlas, requests, times } = client(steps);
    await run(atlas.waitForBackupExportJob(ids), requests, 300_000);
    const gaps = gapsOf(times);
    expect(gaps.slice(0, 4)).toEqual([2000, 3000, 4500, 6750]);
    expect(Math.max(...gaps)).toBe(30_000);
    expect(gaps.every((gap, i) => i === 0 || gap >= gaps[i - 1]!)).toBe(true);
  });

  it("honours pollIntervalMs and maxPollIntervalMs", async () => {
    const { atlas, requests, times } = client([
      progress(1)(),
      progress(1)(),
      progress(1)(),
      progress(1)(),
      done(),
    ]);
    await run(
      atlas.waitForBackupExportJob(ids, { pollIntervalMs: 1000, maxPollIntervalMs: 1500 }),
      requests,
      10_000,
    );
    expect(gapsOf(times)).toEqual([1000, 1500, 1500, 1500]);
  });

  it("calls onProgress on the first poll and whenever state or exportStatus changes, only then", async () => {
    const seen: BackupExportJob[] = [];
    const { atlas, requests } = client([
      queued(),
      queued(),
      progress(1)(),
      progress(1)(),
      progress(3)(),
      done(),
    ]);
    await run(atlas.waitForBackupExportJob(ids, { onProgress: (j) => seen.push(j) }), requests, 60_000);
    expect(seen.map((j) => `${j.state} ${j.exportStatus?.exportedCollections}`)).toEqual([
      "Queued 0",
      "InProgress 1",
      "InProgress 3",
      "Successful 4",
    ]);
  });

  it.each(["Failed", "Cancelled"] as const)(
    "rejects with AtlasExportFailedError carrying the job and stateReason on %s",
    async (state) => {
      const stateReason = { errorCode: "EXPORT_FAILED", message: "Bucket policy denies s3:PutObject" };
      const { atlas, requests } = client([progress(1)(), jsonResponse(200, job({ state, stateReason }))]);
      const { outcome } = await run(atlas.waitForBackupExportJob(ids), requests, 5_000);
      const error = (outcome as { error: AtlasExportFailedError }).error;
      expect(error).toBeInstanceOf(AtlasExportFailedError);
      expect(error).toMatchObject({ state, stateReason, job: { state } });
      expect(error.message).toBe(
        `export job ${ids.exportId} ended ${state}: Bucket policy denies s3:PutObject`,
      );
    },
  );

  it("fails fast on 404 without retrying or polling again", async () => {
    const { atlas, requests } = client([
      jsonResponse(404, { error: 404, errorCode: "RESOURCE_NOT_FOUND", detail: "no export" }),
      done(),
    ]);
    const { outcome } = await run(atlas.waitForBackupExportJob(ids), requests, 10_000);
    expect((outcome as { error: unknown }).error).toBeInstanceOf(AtlasApiError);
    expect(requests).toHaveLength(1);
  });

  it("rides out a transient 503 through the client's retries", async () => {
    const { atlas, requests } = client([
      progress(1)(),
      jsonResponse(503, { error: 503, errorCode: "X" }),
      done(),
    ]);
    const { outcome } = await run(atlas.waitForBackupExportJob(ids), requests, 10_000);
    expect(outcome).toEqual({ value: expect.objectContaining({ state: "Successful" }) });
    expect(requests).toHaveLength(3);
  });

  it("gives up with AtlasTimeoutError after timeoutMs, saying the last state", async () => {
    const steps: Step[] = Array.from({ length: 50 }, () => progress(2)());
    const { atlas, requests } = client(steps);
    const { outcome } = await run(atlas.waitForBackupExportJob(ids, { timeoutMs: 10_000 }), requests, 12_000);
    const error = (outcome as { error: AtlasTimeoutError }).error;
    expect(error).toBeInstanceOf(AtlasTimeoutError);
    expect(error.message).toMatch(
      /did not finish within 10000 ms \(last state InProgress 2\/4 collections\)/,
    );
    expect(requests).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    [
      "an unknown state",
      { state: "Exploded" },
      /state "Exploded", which waitForBackupExportJob does not know/,
    ],
    [
      "a state that is an object",
      { state: { value: "InProgress" } },
      /state "\{\\"value\\":\\"InProgress\\"\}"/,
    ],
    ["no state at all", { state: undefined }, /has no state/],
  ])("surfaces %s as AtlasValidationError instead of polling forever", async (_name, overrides, message) => {
    const { atlas, requests } = client([jsonResponse(200, job(overrides as never)), done()]);
    const seen: unknown[] = [];
    const { outcome } = await run(
      atlas.waitForBackupExportJob(ids, { onProgress: (polled) => seen.push(polled.state) }),
      requests,
      10_000,
    );
    expect(seen).toEqual([overrides.state]); // onProgress still sees the job, to show it
    const error = (outcome as { error: AtlasValidationError }).error;
    expect(error).toBeInstanceOf(AtlasValidationError);
    expect(error).toMatchObject({ parameter: "/state" });
    expect(error.message).toMatch(message);
    expect(requests).toHaveLength(1);
  });

  it("gives up after 24 hours by default, so a job stuck in progress never keeps it waiting forever", async () => {
    const stuck = () =>
      jsonResponse(
        200,
        job({ state: "InProgress", exportStatus: { exportedCollections: 1, totalCollections: 4 } }),
      );
    const requests: Request[] = [];
    const atlas = createAtlasClient({
      fetch: async (request) => {
        requests.push(request);
        return stuck();
      },
    });
    const waiting = atlas.waitForBackupExportJob(ids).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000 - 1);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(1);
    const error = await waiting;
    expect(error).toBeInstanceOf(AtlasTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 86_400_000 });
    expect(requests.length).toBeGreaterThan(2800);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops at once, mid-pause, when the signal aborts", async () => {
    const { atlas, requests } = client([progress(1)(), done()]);
    const controller = new AbortController();
    const waiting = atlas.waitForBackupExportJob(ids, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    expect(await waiting).toBeInstanceOf(AtlasAbortError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops at once, mid-request, when the signal aborts", async () => {
    const { atlas, requests } = client(["hang"]);
    const controller = new AbortController();
    const waiting = atlas.waitForBackupExportJob(ids, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(await waiting).toBeInstanceOf(AtlasAbortError);
    expect(requests[0]!.signal.aborted).toBe(true);
  });

  it.each([
    ["pollIntervalMs", { pollIntervalMs: 0 }],
    ["maxPollIntervalMs", { maxPollIntervalMs: -5 }],
    ["timeoutMs", { timeoutMs: Number.NaN }],
    ["onProgress", { onProgress: "log" }],
  ])("rejects a bad %s before polling", async (name, options) => {
    const { atlas, requests } = client([]);
    await expect(atlas.waitForBackupExportJob(ids, options as never)).rejects.toMatchObject({
      constructor: AtlasValidationError,
      parameter: name,
    });
    expect(requests).toHaveLength(0);
  });
});
