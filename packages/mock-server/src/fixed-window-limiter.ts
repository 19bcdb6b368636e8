import type { Clock } from "./clock.js";
import type { RateLimit } from "./mock-atlas-options.js";

export interface LimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in this window after this one. */
  remaining: number;
  /** Whole seconds until the window resets (for Retry-After), at least 1. */
  retryAfterSeconds: number;
}

export interface FixedWindowLimiter {
  /** Counts one request for `key` and says whether it is within the limit. */
  take(key: string): LimitDecision;
}

/** A fixed-window counter per key on the injected clock: simple, deterministic under a manual clock. */
export function createFixedWindowLimiter(rate: RateLimit, clock: Clock): FixedWindowLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key) {
      const now = clock.now();
      let window = windows.get(key);
      if (window === undefined || now - window.start >= rate.windowMs) {
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      const allowed = window.count < rate.limit;
      if (allowed) window.count += 1;
      return {
        allowed,
        limit: rate.limit,
        remaining: Math.max(0, rate.limit - window.count),
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + rate.windowMs - now) / 1000)),
      };
    },
  };
}
