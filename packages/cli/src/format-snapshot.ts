import { formatDetailTable } from "./format-detail-table.js";

/** One Cloud Backup snapshot as "label  value" rows, read without trusting the field types. */
export function formatSnapshot(snapshot: object): string {
  const fields = snapshot as Record<string, unknown>;
  const size = fields.storageSizeBytes;
  return formatDetailTable([
    ["Snapshot", fields.id],
    ["Status", fields.status],
    ["Created", fields.createdAt],
    ["Expires", fields.expiresAt],
    ["Type", fields.snapshotType],
    ["Frequency", fields.frequencyType],
    ["Cloud provider", fields.cloudProvider],
    ["Replica set", fields.replicaSetName],
    ["MongoDB version", fields.mongodVersion],
    ["Size", typeof size === "number" && Number.isFinite(size) ? `${size} bytes` : size],
    ["Description", fields.description],
  ]);
}
