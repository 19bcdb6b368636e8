import { UsageError } from "./usage-error.js";

/**
 * A parser for a positive number of seconds ("2", "0.5") that yields milliseconds, up to `limitSeconds`.
 * Every duration has a ceiling because Node fires a timer of 2^31 ms or more after 1 ms; the error says it.
 */
export function parseSeconds(limitSeconds: number): (raw: string, source: string) => number {
  return (raw, source) => {
    const seconds = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(seconds) || seconds <= 0)
      throw new UsageError(`${source} must be a positive number of seconds; got ${JSON.stringify(raw)}.`);
    if (seconds > limitSeconds)
      throw new UsageError(`${source} must be at most ${limitSeconds} seconds; got ${JSON.stringify(raw)}.`);
    return Math.round(seconds * 1000);
  };
}
