import { describe, expect, it } from "vitest";
import { BACKUP_EXPORT_JOB_STATES, TERMINAL_STATES, isTerminalState } from "../src/index.js";

describe("job states", () => {
  it("lists the five states of the spec's enum", () => {
    expect([...BACKUP_EXPORT_JOB_STATES].sort()).toEqual([
      "Cancelled",
      "Failed",
      "InProgress",
      "Queued",
      "Successful",
    ]);
  });

  it("lists only states of the enum as terminal", () => {
    for (const state of TERMINAL_STATES) expect(BACKUP_EXPORT_JOB_STATES).toContain(state);
  });

  it.each([
    ["Queued", false],
    ["InProgress", false],
    ["Successful", true],
    ["Failed", true],
    ["Cancelled", true],
    [undefined, false],
  ] as const)("isTerminalState(%s) is %s", (state, want) => {
    expect(isTerminalState(state)).toBe(want);
  });
});
