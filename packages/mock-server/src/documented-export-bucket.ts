import type { MockExportBucketDefinition } from "./mock-bucket-definition.js";

/**
 * The bucket the emulator holds by default: the spec's AWS example of createExportBucket, in the
 * documented project, with the `_id` the documented job exports to.
 */
export const DOCUMENTED_EXPORT_BUCKET_DEFINITION: MockExportBucketDefinition = Object.freeze({
  groupId: "32b6e34b3d91647abb20e7b8",
  _id: "32b6e34b3d91647abb20e7b8",
  cloudProvider: "AWS",
  bucketName: "export-bucket",
  iamRoleId: "668c5f0ed436263134491592",
  region: "us-east-1",
  requirePrivateNetworking: true,
});
