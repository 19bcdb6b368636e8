import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { collectItems } from "../collect-items.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatListTable, type ListColumn } from "../format-list-table.js";
import { formatProgress } from "../format-progress.js";
import { OPTIONS } from "../options.js";
import { readJobState } from "../read-job-state.js";
import { writeResult } from "../write-result.js";
import type { BackupExportJob, BackupExportJobState } from "@atlas-export/types";

const COLUMNS: ReadonlyArray<ListColumn<BackupExportJob>> = [
  { heading: "ID", cell: (job) => job.id },
  { heading: "STATE", cell: (job) => readJobState(job).label },
  { heading: "PROGRESS", cell: (job) => formatProgress(job) },
  { heading: "CREATED", cell: (job) => job.createdAt },
  { heading: "SNAPSHOT", cell: (job) => job.snapshotId },
  { heading: "BUCKET", cell: (job) => job.exportBucketId },
];

/** `atlas-export jobs list`: a cluster's snapshot export jobs (every page), optionally only some states. */
export const jobsList: CliCommand = {
  name: "jobs list",
  summary: "list a cluster's snapshot export jobs",
  description:
    "JSON output is the array of every export job, as Atlas sent them, across all pages. With --state\n" +
    "(repeatable) only the jobs in one of the given states are printed; Atlas has no such filter, so every\n" +
    "page is still fetched, and a job in a state the spec does not define is left out.",
  options: [OPTIONS.projectId, OPTIONS.clusterName, OPTIONS.state],
  example: "atlas-export jobs list --cluster-name Cluster0 --state Queued --state InProgress",
  async run(input) {
    const { values } = input;
    const states = values.list<BackupExportJobState>(OPTIONS.state);
    const listed = await collectItems(
      input.atlas.listBackupExportJobs(
        { groupId: values.string(OPTIONS.projectId), clusterName: values.string(OPTIONS.clusterName) },
        callOptions(input),
      ),
    );
    const jobs =
      states.length === 0
        ? listed
        : listed.filter((job) => {
            const { known } = readJobState(job);
            return known !== undefined && states.includes(known);
          });
    writeResult(input, jobs, () => formatListTable(COLUMNS, jobs));
    return EXIT_CODES.success;
  },
};
