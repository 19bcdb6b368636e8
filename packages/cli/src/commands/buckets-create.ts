import { callOptions } from "../call-options.js";
import type { CliCommand } from "../cli-command.js";
import { EXIT_CODES } from "../exit-codes.js";
import { exportBucketRequest, PROVIDER_FLAGS_HELP } from "../export-bucket-request.js";
import { formatExportBucket } from "../format-export-bucket.js";
import { OPTIONS } from "../options.js";
import { UncertainCreateError } from "../uncertain-create-error.js";
import { writeResult } from "../write-result.js";

/** `atlas-export buckets create`: an export bucket on AWS, Azure or Google Cloud. */
export const bucketsCreate: CliCommand = {
  name: "buckets create",
  summary: "create an export bucket (AWS S3, Azure Blob Storage or Google Cloud Storage)",
  description: `Each cloud provider takes its own flags:\n${PROVIDER_FLAGS_HELP}`,
  options: [
    OPTIONS.projectId,
    OPTIONS.cloudProvider,
    OPTIONS.bucketName,
    OPTIONS.iamRoleId,
    OPTIONS.roleId,
    OPTIONS.serviceUrl,
    OPTIONS.requirePrivateNetworking,
  ],
  example:
    "atlas-export buckets create --cloud-provider AWS --bucket-name export-bucket \\\n" +
    "  --iam-role-id 668c5f0ed436263134491592",
  async run(input) {
    const body = exportBucketRequest(input.values);
    const groupId = input.values.string(OPTIONS.projectId);
    const bucket = await input.atlas
      .createExportBucket({ groupId }, body, callOptions(input))
      .catch((error: unknown) =>
        UncertainCreateError.rethrow(
          error,
          "export bucket",
          `atlas-export buckets list --project-id ${groupId}`,
        ),
      );
    writeResult(input, bucket, () => formatExportBucket(bucket));
    return EXIT_CODES.success;
  },
};
