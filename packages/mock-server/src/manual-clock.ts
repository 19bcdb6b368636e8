import type { Clock } from "./clock.js";

/** A clock that moves only when told to: pass it as `clock` and call `advance()` instead of sleeping. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds and returns the new time. */
  advance(ms: number): number;
  /** Sets the clock to an absolute time (milliseconds since the epoch, or a Date / ISO string). */
  set(time: number | Date | string): number;
}

/** Creates a manual clock starting at `start` (default 2025-05-04T09:42:00Z, the documented createdAt). */
export function createManualClock(start: number | Date | string = "2025-05-04T09:42:00Z"): ManualClock {
  let current = toMs(start, "start");
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(
          `@atlas-export/mock-server: createManualClock().advance(ms) needs a finite ms >= 0, got ${String(ms)}`,
        );
      }
      current += ms;
      return current;
    },
    set(time) {
      current = toMs(time, "set(time)");
      return current;
    },
  };
}

function toMs(value: number | Date | string, what: string): number {
  const ms = typeof value === "number" ? value : new Date(value).getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(
      `@atlas-export/mock-server: createManualClock ${what} must be a time (ms, Date or ISO string), got ${String(value)}`,
    );
  }
  return ms;
}
