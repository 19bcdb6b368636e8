/**
 * Where the emulator reads the time: job lifecycles, nonce and token expiry and rate-limit windows all
 * use it, so tests can pass a manual clock and never sleep.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, like `Date.now()`. */
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };
