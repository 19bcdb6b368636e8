import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AtlasAbortError,
  AtlasApiError,
  AtlasConnectionError,
  AtlasTimeoutError,
  createAtlasClient,
  digestAuth,
} from "../src/index.js";
import { backoffDelay, parseRetryAfter } from "../src/retry-delay.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";
import { startServer, type TestServer } from "./support/http-server.js";
import { connectionRefused, scriptedFetch } from "./support/scripted-fetch.js";

const unavailable = () =>
  jsonResponse(503, { error: 503, errorCode: "SERVICE_UNAVAILABLE", reason: "Service Unavailable" });
const ok = () => jsonResponse(200, job());

describe("backoffDelay", () => {
  it.each([
    ["the first retry, no jitter drawn", { attempt: 0, random: 1 }, 500],
    ["the first retry, least jitter", { attempt: 0, random: 0 }, 250],
    ["the third retry", { attempt: 2, random: 1 }, 2000],
    ["a late retry, capped", { attempt: 10, random: 1 }, 8000],
    ["a late retry, capped, least jitter", { attempt: 10, random: 0 }, 4000],
  ])("waits for %s", (_name, { attempt, random }, want) => {
    expect(backoffDelay(attempt, 500, 8000, () => random)).toBe(want);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ["delta seconds", "7", 7000],
    ["an HTTP date", new Date(now + 30_000).toUTCString(), 30_000],
    ["a date in the past", new Date(now - 30_000).toUTCString(), 0],
    ["garbage", "soon", undefined],
    ["absent", null, undefined],
    ["an IMF-fixdate", "Thu, 01 Jan 2026 12:00:42 GMT", 42_000],
    ["an obsolete RFC 850 date", "Thursday, 01-Jan-26 12:01:00 GMT", 60_000],
    ["an obsolete asctime date (UTC)", "Thu Jan  1 12:00:05 2026", 5_000],
    ["a negative number", "-5", undefined],
    ["a fraction", "1.5", undefined],
    ["a partial date", "5 Jan", undefined],
    ["a number with a unit", "7s", undefined],
    ["hexadecimal", "0x10", undefined],
    ["a date in another zone", "Thu, 01 Jan 2026 12:00:42 PST", undefined],
    ["a date that does not exist", "Thu, 31 Feb 2026 12:00:42 GMT", undefined],
    ["an ISO date", "2026-01-01T12:00:42Z", undefined],
  ])("reads %s", (_name, value, want) => {
    expect(parseRetryAfter(value, now)).toBe(want);
  });
});

describe("retries (fake clock)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1, 12, 0, 0));
    vi.spyOn(Math, "random").mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("retries 503 with exponential backoff and returns the job", async () => {
    const { fetch, requests } = scriptedFetch([unavailable(), unavailable(), ok()]);
    const atlas = createAtlasClient({ fetch });
    const result = atlas.getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(job());
    expect(requests).toHaveLength(3);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries status %i", async (status) => {
    const { fetch, requests } = scriptedFetch([
      jsonResponse(status, { error: status, errorCode: "X" }),
      ok(),
    ]);
    const result = createAtlasClient({ fetch }).getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(500);
    await expect(result).resolves.toEqual(job());
    expect(requests).toHaveLength(2);
  });

  it.each([400, 403, 404, 409])("does not retry status %i", async (status) => {
    const { fetch, requests } = scriptedFetch([
      jsonResponse(status, { error: status, errorCode: "X" }),
      ok(),
    ]);
    await expect(createAtlasClient({ fetch }).getBackupExportJob(ids)).rejects.toMatchObject({ status });
    expect(requests).toHaveLength(1);
  });

  it("gives up after maxRetries (default 2) with the last error", async () => {
    const { fetch, requests } = scriptedFetch([unavailable(), unavailable(), unavailable(), ok()]);
    const result = createAtlasClient({ fetch })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await result).toMatchObject({ status: 503, errorCode: "SERVICE_UNAVAILABLE" });
    expect(requests).toHaveLength(3);
  });

  it("does not retry at all with maxRetries 0", async () => {
    const { fetch, requests } = scriptedFetch([unavailable(), ok()]);
    await expect(
      createAtlasClient({ fetch, retry: { maxRetries: 0 } }).getBackupExportJob(ids),
    ).rejects.toBeInstanceOf(AtlasApiError);
    expect(requests).toHaveLength(1);
  });

  it("caps the backoff at maxDelayMs", async () => {
    const { fetch, requests } = scriptedFetch([unavailable(), unavailable(), unavailable(), ok()]);
    const atlas = createAtlasClient({
      fetch,
      retry: { maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 1500 },
    });
    const result = atlas.getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(1000 + 1500 + 1499);
    expect(requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(job());
  });

  it("honours Retry-After in seconds", async () => {
    const limited = jsonResponse(429, { error: 429, errorCode: "RATE_LIMITED" }, { "Retry-After": "3" });
    const { fetch, requests } = scriptedFetch([limited, ok()]);
    const result = createAtlasClient({ fetch }).getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(2999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(job());
  });

  it("honours Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    const { fetch, requests } = scriptedFetch([
      jsonResponse(503, { error: 503, errorCode: "X" }, { "Retry-After": at }),
      ok(),
    ]);
    const result = createAtlasClient({ fetch }).getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(4999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(job());
  });

  it.each(["-5", "1.5", "5 Jan"])(
    "falls back to the normal backoff for Retry-After %j instead of retrying at once",
    async (retryAfter) => {
      const limited = jsonResponse(
        429,
        { error: 429, errorCode: "RATE_LIMITED" },
        { "Retry-After": retryAfter },
      );
      const { fetch, requests } = scriptedFetch([limited, ok()]);
      const result = createAtlasClient({ fetch }).getBackupExportJob(ids);
      await vi.advanceTimersByTimeAsync(499);
      expect(requests).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toEqual(job());
      expect(requests).toHaveLength(2);
    },
  );

  it("gives up at once when Retry-After is longer than maxRetryAfterMs", async () => {
    const limited = jsonResponse(429, { error: 429, errorCode: "RATE_LIMITED" }, { "Retry-After": "3600" });
    const { fetch, requests } = scriptedFetch([limited, ok()]);
    const error = await createAtlasClient({ fetch })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, headers: { "retry-after": "3600" } });
    expect(requests).toHaveLength(1);
  });

  it("retries connection errors and reports the last as AtlasConnectionError", async () => {
    const { fetch, requests } = scriptedFetch([
      connectionRefused(),
      connectionRefused(),
      connectionRefused(),
    ]);
    const result = createAtlasClient({ fetch })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await result;
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect((error as Error).message).toMatch(/could not reach cloud\.mongodb\.com: ECONNREFUSED/);
    expect(error).not.toHaveProperty("status");
    expect(requests).toHaveLength(3);
  });

  it("times out each attempt after timeoutMs and retries it", async () => {
    const { fetch, requests } = scriptedFetch(["hang", "hang", ok()]);
    const result = createAtlasClient({ fetch, timeoutMs: 1000 }).getBackupExportJob(ids);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests[0]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(500 + 1000 + 1000);
    await expect(result).resolves.toEqual(job());
    expect(requests).toHaveLength(3);
  });

  it("reports a timeout as AtlasTimeoutError when retries run out", async () => {
    const { fetch } = scriptedFetch(["hang"]);
    const result = createAtlasClient({ fetch, timeoutMs: 30_000, retry: { maxRetries: 0 } })
      .getBackupExportJob(ids)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await result).toMatchObject({ name: "AtlasTimeoutError", timeoutMs: 30_000 });
    expect(await result).toBeInstanceOf(AtlasTimeoutError);
  });

  it("cancels an in-flight request at once when the caller aborts", async () => {
    const { fetch, requests } = scriptedFetch(["hang", ok()]);
    const controller = new AbortController();
    const result = createAtlasClient({ fetch })
      .getBackupExportJob(ids, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort(new Error("user pressed ctrl-c"));
    const error = await result;
    expect(error).toBeInstanceOf(AtlasAbortError);
    expect((error as AtlasAbortError).cause).toMatchObject({ message: "user pressed ctrl-c" });
    expect(requests[0]!.signal.aborted).toBe(true);
    expect(requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("cancels a pending backoff at once when the caller aborts, sending nothing more", async () => {
    const { fetch, requests } = scriptedFetch([unavailable(), ok()]);
    const controller = new AbortController();
    const result = createAtlasClient({ fetch })
      .getBackupExportJob(ids, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await result).toBeInstanceOf(AtlasAbortError);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once, without a request, when the signal is already aborted", async () => {
    const { fetch, requests } = scriptedFetch([ok()]);
    await expect(
      createAtlasClient({ fetch }).getBackupExportJob(ids, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(AtlasAbortError);
    expect(requests).toHaveLength(0);
  });
});

describe("abort on a real socket", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("closes the connection of the in-flight request when the caller aborts", async () => {
    let closed!: () => void;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    let received!: () => void;
    const requestReceived = new Promise<void>((resolve) => (received = resolve));
    server = await startServer((_request, res) => {
      res.on("close", () => closed());
      received(); // and never answer
    });
    const controller = new AbortController();
    const result = createAtlasClient({ baseUrl: server.url }).getBackupExportJob(ids, {
      signal: controller.signal,
    });
    await requestReceived;
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(AtlasAbortError);
    await socketClosed;
    expect(server.requests).toHaveLength(1);
  });

  it("retries a refused connection and re-signs nothing it never sent", async () => {
    let attempts = 0;
    const atlas = createAtlasClient({
      baseUrl: "http://127.0.0.1:1",
      auth: digestAuth({ publicKey: "p", privateKey: "secret-key-value" }),
      retry: { initialDelayMs: 1, maxDelayMs: 1 },
      fetch: (request) => {
        attempts += 1;
        return globalThis.fetch(request);
      },
    });
    const error = await atlas.getBackupExportJob(ids).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasConnectionError);
    expect(attempts).toBe(3);
    expect(String(error) + JSON.stringify(error)).not.toContain("secret-key-value");
  });
});
