import {
  BACKUP_EXPORT_JOB_STATES,
  type BackupExportJob,
  type GetBackupExportJobParams,
} from "@atlas-export/types";
import { abortableSleep } from "./abortable-sleep.js";
import { AtlasAbortError } from "./atlas-abort-error.js";
import { AtlasExportFailedError } from "./atlas-export-failed-error.js";
import { AtlasTimeoutError } from "./atlas-timeout-error.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { MAX_TIMER_MS } from "./max-timer-ms.js";
import { shortText } from "./short-text.js";

/** Options of `waitForBackupExportJob`. */
export interface WaitForBackupExportJobOptions {
  /** First pause between two polls (default 2 000 ms); it grows by half each time. */
  pollIntervalMs?: number;
  /** Longest pause between two polls (default 30 000 ms). */
  maxPollIntervalMs?: number;
  /** Give up with `AtlasTimeoutError` after this long (default 24 hours, so a wait never hangs forever). */
  timeoutMs?: number;
  /** Stops waiting with `AtlasAbortError` at once, mid-request or mid-pause. */
  signal?: AbortSignal;
  /** Called with the job on the first poll and whenever its `state` or `exportStatus` changes. */
  onProgress?: (job: BackupExportJob) => void;
  /** Send every poll with `envelope=true` (for proxies that hide status codes); answers are unwrapped. */
  envelope?: boolean;
}

const defaults = {
  pollIntervalMs: 2_000,
  // Exports of large clusters take hours; a day means something is stuck, and a wait must end somewhere.
  timeoutMs: 24 * 60 * 60 * 1000,
  maxPollIntervalMs: 30_000,
  // Slower than the Atlas CLI's fixed 4 s once an export runs for minutes, quicker at the start.
  growth: 1.5,
} satisfies Record<string, number>;

/** A duration option: more than 0, and at most what Node's timers keep (they fire at once beyond it). */
function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value) || value > MAX_TIMER_MS) {
    throw new AtlasValidationError(
      `@atlas-export/client: waitForBackupExportJob({ ${name} }) must be a number of ms > 0 and <= ${MAX_TIMER_MS} (about 24.8 days) (got ${String(value)})`,
      name,
      `number > 0 and <= ${MAX_TIMER_MS}`,
    );
  }
  return value;
}

/**
 * Throws unless the job's `state` is one of the five the fragment documents: a job in a state nobody
 * knows (a new Atlas state, a broken proxy, a hostile server) is surfaced rather than polled forever.
 */
function assertKnownState(job: BackupExportJob, params: GetBackupExportJobParams): void {
  const state: unknown = job.state;
  if (typeof state === "string" && (BACKUP_EXPORT_JOB_STATES as readonly string[]).includes(state)) return;
  const shown = state === undefined ? "no state" : `state ${JSON.stringify(shortText(state, 60))}`;
  throw new AtlasValidationError(
    `export job ${shortText(params.exportId, 64)} has ${shown}, which waitForBackupExportJob does not know (expected one of ${BACKUP_EXPORT_JOB_STATES.join(", ")}); stopped instead of polling on`,
    "/state",
    `enum ${BACKUP_EXPORT_JOB_STATES.join(", ")}`,
  );
}

function describe(job: BackupExportJob | undefined): string {
  if (!job) return "no answer yet";
  const status = job.exportStatus;
  const progress = status
    ? ` ${status.exportedCollections ?? "?"}/${status.totalCollections ?? "?"} collections`
    : "";
  return `last state ${job.state ?? "unknown"}${progress}`;
}

/**
 * Polls `get` until the job reaches a terminal state. Errors that are not retryable (404 above all) end the
 * wait at once: `get` has already retried what can be retried.
 */
export async function waitForJob(
  get: (signal: AbortSignal) => Promise<BackupExportJob>,
  params: GetBackupExportJobParams,
  options: WaitForBackupExportJobOptions,
): Promise<BackupExportJob> {
  if (options === null || typeof options !== "object") {
    throw new AtlasValidationError(
      "@atlas-export/client: waitForBackupExportJob(params, options) expects an options object",
      "options",
      "object",
    );
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new AtlasValidationError(
      "@atlas-export/client: waitForBackupExportJob({ signal }) must be an AbortSignal",
      "signal",
      "AbortSignal",
    );
  }
  let interval = positive("pollIntervalMs", options.pollIntervalMs, defaults.pollIntervalMs);
  const maxInterval = Math.max(
    interval,
    positive("maxPollIntervalMs", options.maxPollIntervalMs, defaults.maxPollIntervalMs),
  );
  const timeoutMs = positive("timeoutMs", options.timeoutMs, defaults.timeoutMs);
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new AtlasValidationError(
      "@atlas-export/client: waitForBackupExportJob({ onProgress }) must be a function",
      "onProgress",
      "function",
    );
  }

  // Aborted by the deadline or by the caller (a listener removed at the end, not AbortSignal.any, so a
  // long-lived caller signal does not keep every wait's signal alive).
  const stop = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, timeoutMs);
  const forward = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener("abort", forward, { once: true });
  const signal = stop.signal;
  let last: BackupExportJob | undefined;
  let lastKey: string | undefined;
  try {
    for (;;) {
      const job = await get(signal);
      last = job;
      const key = JSON.stringify([job.state ?? null, job.exportStatus ?? null]);
      if (key !== lastKey) {
        lastKey = key;
        options.onProgress?.(job);
      }
      assertKnownState(job, params);
      if (job.state === "Successful") return job;
      if (job.state === "Failed" || job.state === "Cancelled") {
        throw new AtlasExportFailedError(job as BackupExportJob & { state: "Failed" | "Cancelled" });
      }
      await abortableSleep(interval, signal);
      interval = Math.min(maxInterval, interval * defaults.growth);
    }
  } catch (error) {
    if (timedOut && !options.signal?.aborted) {
      throw new AtlasTimeoutError(
        `export job ${params.exportId} did not finish within ${timeoutMs} ms (${describe(last)})`,
        timeoutMs,
      );
    }
    if (options.signal?.aborted && !(error instanceof AtlasAbortError)) {
      throw new AtlasAbortError("waitForBackupExportJob was aborted by its signal", {
        cause: options.signal.reason,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forward);
  }
}
