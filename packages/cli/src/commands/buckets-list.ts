import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { collectItems } from "../collect-items.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatListTable } from "../format-list-table.js";
import { OPTIONS } from "../options.js";
import { writeResult } from "../write-result.js";
import { EXPORT_BUCKET_COLUMNS } from "../export-bucket-columns.js";

/** `atlas-export buckets list`: every export bucket of the project (all pages). */
export const bucketsList: CliCommand = {
  name: "buckets list",
  summary: "list the project's export buckets",
  description: "JSON output is the array of every bucket, as Atlas sent them, across all pages.",
  options: [OPTIONS.projectId],
  async run(input) {
    const groupId = input.values.string(OPTIONS.projectId);
    const buckets = await collectItems(input.atlas.listExportBuckets({ groupId }, callOptions(input)));
    writeResult(input, buckets, () => formatListTable(EXPORT_BUCKET_COLUMNS, buckets));
    return EXIT_CODES.success;
  },
};
