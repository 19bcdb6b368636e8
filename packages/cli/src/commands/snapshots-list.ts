import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { collectItems } from "../collect-items.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatListTable, type ListColumn } from "../format-list-table.js";
import { OPTIONS } from "../options.js";
import { writeResult } from "../write-result.js";

const COLUMNS: ReadonlyArray<ListColumn<Record<string, unknown>>> = [
  { heading: "ID", cell: (snapshot) => snapshot.id },
  { heading: "CREATED", cell: (snapshot) => snapshot.createdAt },
  { heading: "STATUS", cell: (snapshot) => snapshot.status },
  { heading: "TYPE", cell: (snapshot) => snapshot.snapshotType },
  { heading: "FREQUENCY", cell: (snapshot) => snapshot.frequencyType },
  { heading: "EXPIRES", cell: (snapshot) => snapshot.expiresAt },
];

/** `atlas-export snapshots list`: a cluster's Cloud Backup snapshots, newest first as Atlas lists them. */
export const snapshotsList: CliCommand = {
  name: "snapshots list",
  summary: "list a cluster's Cloud Backup snapshots",
  description: "JSON output is the array of every snapshot, as Atlas sent them, across all pages.",
  options: [OPTIONS.projectId, OPTIONS.clusterName],
  async run(input) {
    const { values } = input;
    const snapshots = await collectItems(
      input.atlas.listReplicaSetBackups(
        { groupId: values.string(OPTIONS.projectId), clusterName: values.string(OPTIONS.clusterName) },
        callOptions(input),
      ),
    );
    writeResult(input, snapshots, () =>
      formatListTable(COLUMNS, snapshots as Array<Record<string, unknown>>),
    );
    return EXIT_CODES.success;
  },
};
