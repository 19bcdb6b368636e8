import { AtlasAbortError, AtlasExportFailedError, AtlasTimeoutError } from "@atlas-export/client";
import type { BackupExportJob } from "@atlas-export/types";
import { createBarProgressReporter } from "./bar-progress-reporter.js";
import type { CommandInput } from "./cli-command.js";
import { EXIT_CODES } from "./exit-codes.js";
import { formatJobTable } from "./format-job-table.js";
import { formatProgress } from "./format-progress.js";
import { jobEndedMessage, unknownStateMessage } from "./job-messages.js";
import { createLineProgressReporter } from "./line-progress-reporter.js";
import type { ProgressReporter } from "./progress-reporter.js";
import { readJobState } from "./read-job-state.js";
import { UnknownJobStateError } from "./unknown-job-state-error.js";
import { UsageError } from "./usage-error.js";
import { writeResult } from "./write-result.js";

export interface WatchSettings {
  pollIntervalMs?: number | undefined;
  maxPollIntervalMs?: number | undefined;
  timeoutMs?: number | undefined;
  envelope?: boolean;
}

/**
 * Waits for an export job to end, showing its progress on stderr (a bar on a terminal, one line per
 * change otherwise) so stdout carries only the final job. Exit 0 when it ends Successful, 1 when Failed
 * or Cancelled, 5 for a state the spec does not define (it may never end: stop rather than poll forever).
 */
export async function watchExportJob(
  input: CommandInput,
  params: { groupId: string; clusterName: string; exportId: string },
  settings: WatchSettings,
): Promise<number> {
  const reporterOptions = { stream: input.stderr, ...(input.now ? { now: input.now } : {}) };
  const reporter: ProgressReporter = input.stderr.isTTY
    ? createBarProgressReporter(reporterOptions)
    : createLineProgressReporter(reporterOptions);
  const envelope = settings.envelope ?? false;
  const print = (job: BackupExportJob) =>
    writeResult(input, envelope ? { status: 200, content: job } : job, () =>
      formatJobTable(job, envelope ? [["Envelope status", "200"]] : []),
    );
  let last: BackupExportJob | undefined;
  try {
    const job = await input.atlas.waitForBackupExportJob(params, {
      ...(settings.pollIntervalMs === undefined ? {} : { pollIntervalMs: settings.pollIntervalMs }),
      ...(settings.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: settings.maxPollIntervalMs }),
      ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
      ...(input.signal ? { signal: input.signal } : {}),
      envelope,
      onProgress: (polled: BackupExportJob) => {
        last = polled;
        reporter.update(polled);
        if (readJobState(polled).known === undefined) throw new UnknownJobStateError(polled);
      },
    });
    reporter.update(job);
    reporter.stop();
    print(job);
    return EXIT_CODES.success;
  } catch (error) {
    reporter.stop();
    if (error instanceof UnknownJobStateError) {
      print(error.job);
      input.stderr.write(`atlas-export: ${unknownStateMessage(error.job, params.exportId)}\n`);
      return EXIT_CODES.apiOrNetwork;
    }
    // The client counts in milliseconds; say it in the seconds the user typed.
    if (error instanceof AtlasTimeoutError && error.timeoutMs === settings.timeoutMs)
      throw new UsageError(
        `timed out: export job ${params.exportId} did not finish within --timeout ${settings.timeoutMs / 1000} s` +
          (last ? ` (last seen ${readJobState(last).label}, ${formatProgress(last)}).` : " (no answer yet)."),
        {
          exitCode: EXIT_CODES.apiOrNetwork,
          // Not "run the command again": for `jobs create --watch` that would start another export.
          hint: `The export job keeps running in Atlas; follow it with \`${watchCommand(params)}\` (raise --timeout to wait longer).`,
        },
      );
    if (error instanceof AtlasAbortError) {
      throw new UsageError("interrupted; the export job keeps running in Atlas.", {
        exitCode: input.signal?.reason === "SIGTERM" ? EXIT_CODES.terminated : EXIT_CODES.interrupted,
        hint: `Follow it with \`${watchCommand(params)}\`.`,
      });
    }
    if (!(error instanceof AtlasExportFailedError)) throw error;
    reporter.update(error.job);
    reporter.stop();
    print(error.job);
    input.stderr.write(`atlas-export: ${jobEndedMessage(error.job, params.exportId)}\n`);
    return EXIT_CODES.exportFailed;
  } finally {
    reporter.stop();
  }
}

/** The command that follows the export again after this watch ended early. */
function watchCommand(params: { groupId: string; clusterName: string; exportId: string }): string {
  return `atlas-export jobs watch --project-id ${params.groupId} --cluster-name ${params.clusterName} --export-id ${params.exportId}`;
}
