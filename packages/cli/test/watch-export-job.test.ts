import { PassThrough } from "node:stream";
import {
  AtlasTimeoutError,
  type AtlasClient,
  type WaitForBackupExportJobOptions,
} from "@atlas-export/client";
import type { BackupExportJob } from "@atlas-export/types";
import { describe, expect, it } from "vitest";
import type { CommandInput } from "../src/cli-command.js";
import { OptionValues } from "../src/option-values.js";
import { UsageError } from "../src/usage-error.js";
import { watchExportJob } from "../src/watch-export-job.js";

const PARAMS = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b9",
};
const IN_PROGRESS: BackupExportJob = {
  id: PARAMS.exportId,
  exportBucketId: "32b6e34b3d91647abb20e7ba",
  state: "InProgress",
  exportStatus: { exportedCollections: 1, totalCollections: 4 },
};

/**
 * A client whose wait reports `polled` (if any) and then reaches its deadline, as
 * waitForBackupExportJob does when the job outlives `timeoutMs`: no server, no clock, no race between
 * the first poll and the deadline.
 */
function inputWhoseWaitTimesOut(polled: BackupExportJob | undefined): CommandInput {
  const atlas = {
    async waitForBackupExportJob(_params: unknown, options: WaitForBackupExportJobOptions) {
      if (polled) options.onProgress?.(polled);
      throw new AtlasTimeoutError("did not finish", options.timeoutMs ?? 0);
    },
  } as unknown as AtlasClient;
  return {
    values: new OptionValues(new Map()),
    atlas,
    output: "json",
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    interactive: false,
    confirm: () => Promise.resolve(false),
    now: () => 0,
  };
}

async function timeoutOf(polled: BackupExportJob | undefined): Promise<UsageError> {
  const error = await watchExportJob(inputWhoseWaitTimesOut(polled), PARAMS, { timeoutMs: 300 }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe("watchExportJob at its --timeout", () => {
  it("names the last state and progress seen, in the seconds the user typed, with exit 5", async () => {
    const error = await timeoutOf(IN_PROGRESS);
    expect(error.exitCode).toBe(5);
    expect(error.message).toBe(
      `timed out: export job ${PARAMS.exportId} did not finish within --timeout 0.3 s (last seen InProgress, 1/4 collections (25%)).`,
    );
  });

  it("says no answer came yet when no poll answered before the deadline", async () => {
    const error = await timeoutOf(undefined);
    expect(error.message).toMatch(/did not finish within --timeout 0\.3 s \(no answer yet\)\.$/);
  });

  it("advises to follow the job with jobs watch and to raise --timeout, the watch's own limit", async () => {
    const error = await timeoutOf(IN_PROGRESS);
    expect(error.hint).toBe(
      "The export job keeps running in Atlas; follow it with `atlas-export jobs watch --project-id " +
        `${PARAMS.groupId} --cluster-name Cluster0 --export-id ${PARAMS.exportId}\` (raise --timeout to wait longer).`,
    );
  });
});
