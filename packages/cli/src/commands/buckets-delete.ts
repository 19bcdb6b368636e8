import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { helpHint } from "../help-hint.js";
import { OPTIONS } from "../options.js";
import { UsageError } from "../usage-error.js";

/**
 * `atlas-export buckets delete`: asks first on a terminal unless --force; without a terminal to ask on,
 * --force is required (a script must say it means it).
 */
export const bucketsDelete: CliCommand = {
  name: "buckets delete",
  summary: "delete an export bucket (asks first unless --force)",
  options: [OPTIONS.projectId, OPTIONS.bucketId, OPTIONS.force],
  async run(input) {
    const { values } = input;
    const exportBucketId = values.string(OPTIONS.bucketId);
    if (!values.flag(OPTIONS.force)) {
      if (!input.interactive)
        throw new UsageError(
          `refusing to delete export bucket ${exportBucketId} without confirmation: there is no terminal to ask on.`,
          { hint: `Add --force to delete without asking. ${helpHint("buckets delete")}` },
        );
      if (!(await input.confirm(`Delete export bucket ${exportBucketId}?`))) {
        input.stderr.write("atlas-export: not deleted.\n");
        return EXIT_CODES.success;
      }
    }
    await input.atlas.deleteExportBucket(
      { groupId: values.string(OPTIONS.projectId), exportBucketId },
      callOptions(input),
    );
    input.stderr.write(`atlas-export: export bucket ${exportBucketId} deleted.\n`);
    return EXIT_CODES.success;
  },
};
