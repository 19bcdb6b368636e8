import { abortableSleep } from "./abortable-sleep.js";
import { AtlasAbortError } from "./atlas-abort-error.js";
import { AtlasConnectionError } from "./atlas-connection-error.js";
import { AtlasError } from "./atlas-error.js";
import { AtlasTimeoutError } from "./atlas-timeout-error.js";
import { describeConnectionFailure } from "./describe-connection-failure.js";
import { retryDelay, type AttemptOutcome, type BackoffPolicy } from "./retry-delay.js";

/** The resolved retry options, the per-attempt limit, and the base URL that connection errors name. */
export interface RetryPolicy extends BackoffPolicy {
  maxRetries: number;
  timeoutMs: number;
  baseUrl: string;
}

/**
 * Runs `attempt` (one whole openapi-fetch call, middleware included) until its answer is final, it fails in
 * a way that is not retried for `method`, or the retries run out. Each attempt gets its own signal, aborted
 * by the attempt's timer or by the caller's `signal`. Whatever an attempt throws becomes the matching
 * `AtlasError`; the caller's abort also ends a pending backoff at once. Resolves with the last answer.
 */
export async function withRetries<T extends { response: Response }>(
  policy: RetryPolicy,
  method: string,
  signal: AbortSignal | undefined,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw abortError(signal);
    // A listener on the caller's signal, removed afterwards, rather than AbortSignal.any, which keeps every
    // attempt's signal alive as long as the caller's signal lives (a wait that polls for hours).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new AtlasTimeoutError(`no answer within ${policy.timeoutMs} ms`, policy.timeoutMs));
    }, policy.timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let outcome: AttemptOutcome;
    let result: T | undefined;
    try {
      result = await attempt(controller.signal);
      outcome = { response: result.response };
    } catch (error) {
      outcome = { failure: classify(error, signal, timedOut, policy) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    }
    const delay = retry < policy.maxRetries ? retryDelay(method, outcome, retry, policy) : undefined;
    if (delay === undefined) {
      if ("failure" in outcome) throw outcome.failure;
      return result!;
    }
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
  policy: RetryPolicy,
): AtlasError {
  if (callerSignal?.aborted) return abortError(callerSignal);
  if (timedOut) {
    return new AtlasTimeoutError(`no answer from Atlas within ${policy.timeoutMs} ms`, policy.timeoutMs);
  }
  if (error instanceof AtlasError) return error;
  // A user's own fetch failed (the built-in one throws AtlasConnectionError itself): name the cause and fix.
  const host = new URL(policy.baseUrl).host;
  const { reason, code } = describeConnectionFailure(error, { host });
  return new AtlasConnectionError(`could not reach ${host}: ${reason}`, { cause: error, code });
}
