import { describe, expect, it, vi } from "vitest";
import { AttemptState } from "../src/attempt-state.js";

describe("AttemptState", () => {
  it("runs every cancel hook once when aborted, and a hook added afterwards at once", () => {
    const state = new AttemptState();
    const first = vi.fn();
    state.onAbort(first);
    state.abort(new Error("timeout"));
    state.abort(new Error("again"));
    expect(first).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    state.onAbort(late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(state.aborted).toBe(true);
  });

  it("gives a signal that is already aborted, with the reason, when it is first read after the abort", () => {
    const state = new AttemptState();
    const reason = new Error("caller gave up");
    state.abort(reason);
    expect(state.signal.aborted).toBe(true);
    expect(state.signal.reason).toBe(reason);
  });

  it("aborts a signal read before the abort, and keeps handing out that same signal", () => {
    const state = new AttemptState();
    const signal = state.signal;
    expect(signal.aborted).toBe(false);
    state.abort();
    expect(signal.aborted).toBe(true);
    expect(state.signal).toBe(signal);
  });
});
