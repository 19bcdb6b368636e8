import { PassThrough } from "node:stream";
import type { BackupExportJob } from "@atlas-export/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBarProgressReporter } from "../src/bar-progress-reporter.js";
import { createLineProgressReporter } from "../src/line-progress-reporter.js";

/** A stream that records what is written, posing as a terminal of the given width when asked. */
function fakeStream(tty: boolean, columns = 120) {
  const stream = Object.assign(new PassThrough(), { isTTY: tty, columns });
  let written = "";
  stream.on("data", (chunk: Buffer) => (written += chunk.toString()));
  return { stream, written: () => written };
}

function job(state: BackupExportJob["state"], exported?: number, total?: number): BackupExportJob {
  return {
    exportBucketId: "32b6e34b3d91647abb20e7b8",
    ...(state ? { state } : {}),
    ...(total === undefined
      ? {}
      : { exportStatus: { exportedCollections: exported ?? 0, totalCollections: total } }),
  };
}

// Strips the cursor movement and line clearing cli-progress writes between redraws.
function screenLines(output: string): string[] {
  // eslint-disable-next-line no-control-regex
  return output.split(/\x1b\[\d*G|\r|\n/).map((line) => line.replace(/\x1b\[[\d;?]*[A-Za-z]|\x1b[78]/g, ""));
}

describe("createLineProgressReporter", () => {
  it("prints one line per change of state or counts, with the elapsed time", async () => {
    let now = 1_000;
    const { stream, written } = fakeStream(false);
    const reporter = createLineProgressReporter({ stream, now: () => now });
    reporter.update(job("Queued"));
    now += 2_000;
    reporter.update(job("Queued"));
    reporter.update(job("InProgress", 0, 4));
    now += 3_000;
    reporter.update(job("InProgress", 2, 4));
    reporter.update(job("InProgress", 2, 4));
    now += 61_000;
    reporter.update(job("Successful", 4, 4));
    reporter.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBe(
      [
        "[0:00] Queued  collections not counted yet",
        "[0:02] InProgress  0/4 collections (0%)",
        "[0:05] InProgress  2/4 collections (50%)",
        "[1:06] Successful  4/4 collections (100%)",
        "",
      ].join("\n"),
    );
  });

  it("writes no terminal control sequences", async () => {
    const { stream, written } = fakeStream(false);
    const reporter = createLineProgressReporter({ stream });
    reporter.update(job("InProgress", 1, 2));
    reporter.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).not.toContain("\x1b");
  });
});

describe("createBarProgressReporter", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("redraws the bar in place with the state, the counts and a ticking elapsed time", async () => {
    const { stream, written } = fakeStream(true);
    const reporter = createBarProgressReporter({ stream, now: () => Date.now() });
    reporter.update(job("Queued"));
    await vi.advanceTimersByTimeAsync(1_000);
    reporter.update(job("InProgress", 3, 12));
    await vi.advanceTimersByTimeAsync(2_000);
    reporter.update(job("InProgress", 6, 12));
    await vi.advanceTimersByTimeAsync(2_000);
    reporter.update(job("Successful", 12, 12));
    reporter.stop();
    await vi.advanceTimersByTimeAsync(0);

    const output = written();
    expect(output).toContain("\x1b[?25l"); // hides the cursor while drawing
    expect(output).toContain("\x1b[?25h"); // and shows it again
    const lines = screenLines(output);
    expect(lines).toContainEqual(
      expect.stringMatching(/^░{30}   0% \| Queued +\| counting collections \| elapsed 0:00/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/ 25% \| InProgress \| 3\/12 collections \| elapsed 0:01/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/ 25% \| InProgress \| 3\/12 collections \| elapsed 0:02/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^█{15}░{15}  50% \| InProgress \| 6\/12 collections/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^█{30} 100% \| Successful \| 12\/12 collections \| elapsed 0:05/),
    );
    expect(output.endsWith("\n")).toBe(true);
  });

  it("shrinks the bar, not the text, to fit a narrow terminal", async () => {
    const { stream, written } = fakeStream(true, 72);
    const reporter = createBarProgressReporter({ stream, now: () => Date.now() });
    reporter.update(job("InProgress", 24, 48));
    await vi.advanceTimersByTimeAsync(9_000);
    reporter.stop();
    const last =
      screenLines(written())
        .filter((line) => line.includes("elapsed"))
        .at(-1) ?? "";
    expect(last).toMatch(/^█{10}░{9}  50% \| InProgress \| 24\/48 collections \| elapsed 0:09$/);
    expect(last.length).toBeLessThanOrEqual(72);
  });

  it("draws nothing before the first update and stops quietly", async () => {
    const { stream, written } = fakeStream(true);
    const reporter = createBarProgressReporter({ stream });
    reporter.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(written()).toBe("");
  });
});
