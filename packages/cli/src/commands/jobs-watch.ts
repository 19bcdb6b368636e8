import type { CliCommand } from "../cli-command.js";
import { OPTIONS } from "../options.js";
import { watchExportJob } from "../watch-export-job.js";

/** `atlas-export jobs watch` (alias `watch`): wait for an export job to finish, showing its progress. */
export const jobsWatch: CliCommand = {
  name: "jobs watch",
  aliases: ["watch"],
  summary: "wait until an export job finishes, showing its progress",
  description:
    "Shows a live progress bar (state, exported/total collections, elapsed time) when stderr is a\n" +
    "terminal, and one line per change otherwise; the final job is printed to stdout in the --output format.",
  options: [
    OPTIONS.projectId,
    OPTIONS.clusterName,
    OPTIONS.exportId,
    OPTIONS.envelope,
    OPTIONS.pollInterval,
    OPTIONS.maxPollInterval,
    OPTIONS.timeout,
  ],
  example:
    "atlas-export jobs watch --project-id 32b6e34b3d91647abb20e7b8 --cluster-name Cluster0 \\\n" +
    "  --export-id 32b6e34b3d91647abb20e7b8 --timeout 3600",
  run(input) {
    const { values } = input;
    return watchExportJob(
      input,
      {
        groupId: values.string(OPTIONS.projectId),
        clusterName: values.string(OPTIONS.clusterName),
        exportId: values.string(OPTIONS.exportId),
      },
      {
        pollIntervalMs: values.optionalNumber(OPTIONS.pollInterval),
        maxPollIntervalMs: values.optionalNumber(OPTIONS.maxPollInterval),
        timeoutMs: values.optionalNumber(OPTIONS.timeout),
        envelope: values.flag(OPTIONS.envelope),
      },
    );
  },
};
