import type { ListColumn } from "./format-list-table.js";

/** A bucket as any of the three providers' shapes: read without trusting which one arrived. */
type AnyBucket = Record<string, unknown>;

/** The columns of `buckets list`. */
export const EXPORT_BUCKET_COLUMNS: ReadonlyArray<ListColumn<AnyBucket>> = [
  { heading: "ID", cell: (bucket) => bucket._id },
  { heading: "PROVIDER", cell: (bucket) => bucket.cloudProvider },
  { heading: "BUCKET", cell: (bucket) => bucket.bucketName },
  { heading: "ROLE", cell: (bucket) => bucket.iamRoleId ?? bucket.roleId },
  { heading: "SERVICE URL", cell: (bucket) => bucket.serviceUrl },
];
