/**
 * The longest delay Node's timers keep: 2^31 - 1 ms (about 24.8 days). A longer one fires after 1 ms
 * (with a TimeoutOverflowWarning), so every duration option is bounded by it.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The rule a duration option breaks, as error messages state it. */
export const DURATION_RULE = `finite number of ms between 0 and ${MAX_TIMER_MS} (about 24.8 days)`;
