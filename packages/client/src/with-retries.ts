import type { RetryOptions } from "./create-atlas-client.js";
import { abortableSleep } from "./abortable-sleep.js";
import { AtlasAbortError } from "./atlas-abort-error.js";
import { AtlasApiError } from "./atlas-api-error.js";
import { AtlasConnectionError } from "./atlas-connection-error.js";
import { AtlasError } from "./atlas-error.js";
import { AtlasTimeoutError } from "./atlas-timeout-error.js";
import { AttemptState } from "./attempt-state.js";
import { TRUNCATED_RESPONSE } from "./read-body-bytes.js";
import { backoffDelay, parseRetryAfter, RETRYABLE_STATUSES } from "./retry-delay.js";
import type { Attempt } from "./transport.js";

/** The resolved retry options, the per-attempt limit, and the base URL that connection errors name. */
export interface RetryPolicy extends Required<RetryOptions> {
  timeoutMs: number;
  baseUrl: string;
}

/**
 * Runs `attempt` until it succeeds, fails in a way that is not retried, or the retries run out; each attempt
 * gets its own `Attempt`, aborted by its timer or by the caller's `signal`. Whatever an attempt throws is
 * turned into the matching `AtlasError`; the caller's abort stops a pending backoff at once.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  attempt: (attempt: Attempt) => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw abortError(signal);
    // Aborted by its timer or by the caller: a listener on the caller's signal, removed afterwards, rather
    // than AbortSignal.any, which keeps every attempt's signal alive as long as the caller's signal lives (a
    // wait that polls for hours).
    const state = new AttemptState();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      state.abort();
    }, policy.timeoutMs);
    const forward = () => state.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let failure: AtlasError;
    try {
      return await attempt(state);
    } catch (error) {
      failure = classify(error, signal, timedOut, policy.timeoutMs, policy.baseUrl);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    }
    if (retry >= policy.maxRetries) throw failure;
    const delay = retryDelay(failure, retry, policy);
    if (delay === undefined) throw failure;
    try {
      await abortableSleep(delay, signal);
    } catch {
      throw abortError(signal!);
    }
  }
}

function abortError(signal: AbortSignal): AtlasAbortError {
  return new AtlasAbortError("the call was aborted by its signal", { cause: signal.reason });
}

/** Turns whatever an attempt threw into the matching `AtlasError`. */
function classify(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  timedOut: boolean,
  timeoutMs: number,
  baseUrl: string,
): AtlasError {
  if (callerSignal?.aborted) return abortError(callerSignal);
  if (timedOut) return new AtlasTimeoutError(`no answer from Atlas within ${timeoutMs} ms`, timeoutMs);
  if (error instanceof AtlasError) return error;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  // fetch wraps the socket error in `cause`; node:http throws it as it is.
  const reason =
    cause?.code ??
    cause?.message ??
    (error as { code?: string })?.code ??
    (error as Error)?.message ??
    String(error);
  return new AtlasConnectionError(`could not reach ${new URL(baseUrl).host}: ${reason}`, { cause: error });
}

/** Milliseconds to wait before the next attempt, or `undefined` when this failure is not retried. */
function retryDelay(failure: AtlasError, retry: number, policy: Required<RetryOptions>): number | undefined {
  const backoff = backoffDelay(retry, policy.initialDelayMs, policy.maxDelayMs);
  if (failure instanceof AtlasConnectionError || failure instanceof AtlasTimeoutError) return backoff;
  if (failure instanceof AtlasApiError && failure.errorCode === TRUNCATED_RESPONSE) return backoff;
  if (!(failure instanceof AtlasApiError) || !RETRYABLE_STATUSES.has(failure.status)) return undefined;
  const retryAfter = parseRetryAfter(failure.headers["retry-after"] ?? null);
  if (retryAfter === undefined) return backoff;
  return retryAfter <= policy.maxRetryAfterMs ? retryAfter : undefined;
}
