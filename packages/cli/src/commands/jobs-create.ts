import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { findLatestSnapshot } from "../find-latest-snapshot.js";
import { formatJobTable } from "../format-job-table.js";
import { formatServerValue } from "../format-server-value.js";
import { helpHint } from "../help-hint.js";
import { OPTIONS } from "../options.js";
import type { KeyValue } from "../parse-key-value.js";
import { UncertainCreateError } from "../uncertain-create-error.js";
import { UsageError } from "../usage-error.js";
import { watchExportJob } from "../watch-export-job.js";
import { writeResult } from "../write-result.js";

/**
 * `atlas-export jobs create`: exports a snapshot (given, or the newest completed one) to an export
 * bucket; with --watch it then follows the job like `jobs watch` (and exits like it).
 */
export const jobsCreate: CliCommand = {
  name: "jobs create",
  summary: "export a snapshot to an export bucket",
  description:
    "Give --snapshot-id ID or --latest-snapshot. A second export of a snapshot to a bucket while one is\n" +
    "running is refused by Atlas (409, exit 5). With --watch the command ends as `jobs watch` does.",
  options: [
    OPTIONS.projectId,
    OPTIONS.clusterName,
    OPTIONS.bucketId,
    OPTIONS.snapshotId,
    OPTIONS.latestSnapshot,
    OPTIONS.customData,
    OPTIONS.watch,
    OPTIONS.pollInterval,
    OPTIONS.maxPollInterval,
    OPTIONS.timeout,
  ],
  example:
    "atlas-export jobs create --cluster-name Cluster0 --bucket-id 32b6e34b3d91647abb20e7b8 \\\n" +
    "  --latest-snapshot --custom-data team=platform --watch",
  async run(input) {
    const { values } = input;
    const groupId = values.string(OPTIONS.projectId);
    const clusterName = values.string(OPTIONS.clusterName);
    const hint = helpHint("jobs create");
    const given = values.optionalString(OPTIONS.snapshotId);
    const latest = values.flag(OPTIONS.latestSnapshot);
    if (given !== undefined && latest)
      throw new UsageError("give --snapshot-id or --latest-snapshot, not both.", { hint });
    if (given === undefined && !latest)
      throw new UsageError("missing --snapshot-id: give a snapshot id, or --latest-snapshot.", { hint });
    const watching = values.flag(OPTIONS.watch);
    for (const option of [OPTIONS.pollInterval, OPTIONS.maxPollInterval, OPTIONS.timeout])
      if (!watching && values.has(option))
        throw new UsageError(`--${option.flag} applies only with --watch.`, { hint });

    let snapshotId = given;
    if (snapshotId === undefined) {
      const snapshot = await findLatestSnapshot(input.atlas, { groupId, clusterName }, callOptions(input));
      snapshotId = snapshot.id;
      input.stderr.write(
        `atlas-export: exporting snapshot ${snapshot.id}, taken ${formatServerValue(snapshot.createdAt)} (the newest completed).\n`,
      );
    }
    const customData = values.list<KeyValue>(OPTIONS.customData);
    const job = await input.atlas
      .createBackupExportJob(
        { groupId, clusterName },
        {
          snapshotId,
          exportBucketId: values.string(OPTIONS.bucketId),
          ...(customData.length > 0 ? { customData } : {}),
        },
        callOptions(input),
      )
      .catch((error: unknown) =>
        UncertainCreateError.rethrow(
          error,
          "export job",
          `atlas-export jobs list --project-id ${groupId} --cluster-name ${clusterName}`,
        ),
      );
    if (!watching) {
      writeResult(input, job, () => formatJobTable(job));
      return EXIT_CODES.success;
    }
    const exportId = formatServerValue(job.id) ?? "";
    input.stderr.write(`atlas-export: created export job ${exportId}; watching it.\n`);
    return watchExportJob(
      input,
      { groupId, clusterName, exportId },
      {
        pollIntervalMs: values.optionalNumber(OPTIONS.pollInterval),
        maxPollIntervalMs: values.optionalNumber(OPTIONS.maxPollInterval),
        timeoutMs: values.optionalNumber(OPTIONS.timeout),
      },
    );
  },
};
