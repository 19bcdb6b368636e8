import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatSnapshot } from "../format-snapshot.js";
import { OPTIONS } from "../options.js";
import { writeResult } from "../write-result.js";

// Optional for `jobs create` (which also takes --latest-snapshot); here it names the snapshot to print.
const snapshotId = { ...OPTIONS.snapshotId, required: true };

/** `atlas-export snapshots describe`: one Cloud Backup snapshot of a cluster. */
export const snapshotsDescribe: CliCommand = {
  name: "snapshots describe",
  summary: "print one Cloud Backup snapshot of a cluster",
  options: [OPTIONS.projectId, OPTIONS.clusterName, snapshotId],
  example:
    "atlas-export snapshots describe --project-id 32b6e34b3d91647abb20e7b8 --cluster-name Cluster0 \\\n" +
    "  --snapshot-id 32b6e34b3d91647abb20e7b8",
  async run(input) {
    const { values } = input;
    const snapshot = await input.atlas.getReplicaSetBackup(
      {
        groupId: values.string(OPTIONS.projectId),
        clusterName: values.string(OPTIONS.clusterName),
        snapshotId: values.string(snapshotId),
      },
      callOptions(input),
    );
    writeResult(input, snapshot, () => formatSnapshot(snapshot));
    return EXIT_CODES.success;
  },
};
