import type { CreateExportBucketBody } from "@atlas-export/types";

/**
 * An export bucket the emulator holds: the body `createExportBucket` takes (AWS, AZURE or GCP) plus the
 * project and, optionally, the `_id` and the fields Atlas sets itself.
 */
export type MockExportBucketDefinition = CreateExportBucketBody & {
  groupId: string;
  /** 24 hex digits (default: a new ObjectId-like id). */
  _id?: string;
  /** AWS only: the bucket's region, which Atlas looks up (default "us-east-1"). */
  region?: string;
};
