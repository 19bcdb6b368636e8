import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { collectItems } from "../collect-items.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatListTable, type ListColumn } from "../format-list-table.js";
import { formatProgress } from "../format-progress.js";
import { OPTIONS } from "../options.js";
import { readJobState } from "../read-job-state.js";
import { writeResult } from "../write-result.js";
import type { BackupExportJob } from "@atlas-export/types";

const COLUMNS: ReadonlyArray<ListColumn<BackupExportJob>> = [
  { heading: "ID", cell: (job) => job.id },
  { heading: "STATE", cell: (job) => readJobState(job).label },
  { heading: "PROGRESS", cell: (job) => formatProgress(job) },
  { heading: "CREATED", cell: (job) => job.createdAt },
  { heading: "SNAPSHOT", cell: (job) => job.snapshotId },
  { heading: "BUCKET", cell: (job) => job.exportBucketId },
];

/** `atlas-export jobs list`: a cluster's snapshot export jobs (every page). */
export const jobsList: CliCommand = {
  name: "jobs list",
  summary: "list a cluster's snapshot export jobs",
  description: "JSON output is the array of every export job, as Atlas sent them, across all pages.",
  options: [OPTIONS.projectId, OPTIONS.clusterName],
  async run(input) {
    const { values } = input;
    const jobs = await collectItems(
      input.atlas.listBackupExportJobs(
        { groupId: values.string(OPTIONS.projectId), clusterName: values.string(OPTIONS.clusterName) },
        callOptions(input),
      ),
    );
    writeResult(input, jobs, () => formatListTable(COLUMNS, jobs));
    return EXIT_CODES.success;
  },
};
