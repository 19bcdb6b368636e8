import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { formatExportBucket } from "../format-export-bucket.js";
import { OPTIONS } from "../options.js";
import { writeResult } from "../write-result.js";

/** `atlas-export buckets describe`: one export bucket. */
export const bucketsDescribe: CliCommand = {
  name: "buckets describe",
  summary: "print one export bucket",
  options: [OPTIONS.projectId, OPTIONS.bucketId],
  async run(input) {
    const { values } = input;
    const bucket = await input.atlas.getExportBucket(
      { groupId: values.string(OPTIONS.projectId), exportBucketId: values.string(OPTIONS.bucketId) },
      callOptions(input),
    );
    writeResult(input, bucket, () => formatExportBucket(bucket));
    return EXIT_CODES.success;
  },
};
