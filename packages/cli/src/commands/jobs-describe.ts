import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatJobTable } from "../format-job-table.js";
import { unknownStateMessage } from "../job-messages.js";
import { OPTIONS } from "../options.js";
import { readJobState } from "../read-job-state.js";
import { writeResult } from "../write-result.js";

/**
 * `atlas-export jobs describe` (alias `get`): one export job. It succeeded when it printed the job,
 * whatever state the job is in (as the Atlas CLI's `describe`); only a state the spec does not define is
 * not a success: scripts must not take it for one.
 */
export const jobsDescribe: CliCommand = {
  name: "jobs describe",
  aliases: ["get"],
  summary: "print one Cloud Backup snapshot export job",
  options: [OPTIONS.projectId, OPTIONS.clusterName, OPTIONS.exportId, OPTIONS.envelope],
  example:
    "atlas-export jobs describe --project-id 32b6e34b3d91647abb20e7b8 --cluster-name Cluster0 \\\n" +
    "  --export-id 32b6e34b3d91647abb20e7b8 --output json",
  async run(input) {
    const { values } = input;
    const envelope = values.flag(OPTIONS.envelope);
    const exportId = values.string(OPTIONS.exportId);
    const job = await input.atlas.getBackupExportJob(
      {
        groupId: values.string(OPTIONS.projectId),
        clusterName: values.string(OPTIONS.clusterName),
        exportId,
      },
      { envelope, ...(input.signal ? { signal: input.signal } : {}) },
    );
    // With --envelope the client asked for `envelope=true`, checked `status` and returned `content`: a
    // resolved call was a 200, so the wrapper is rebuilt as Atlas sent it.
    writeResult(input, envelope ? { status: 200, content: job } : job, () =>
      formatJobTable(job, envelope ? [["Envelope status", "200"]] : []),
    );
    if (readJobState(job).known !== undefined) return EXIT_CODES.success;
    input.stderr.write(`atlas-export: ${unknownStateMessage(job, exportId)}\n`);
    return EXIT_CODES.apiOrNetwork;
  },
};
