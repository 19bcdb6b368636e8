import { formatDetailTable } from "./format-detail-table.js";

/**
 * One export bucket as "label  value" rows: the fields of whichever provider's shape arrived (AWS
 * `iamRoleId`, Azure `roleId`/`serviceUrl`, GCP `roleId`), read without trusting their types.
 */
export function formatExportBucket(bucket: object): string {
  const fields = bucket as Record<string, unknown>;
  return formatDetailTable([
    ["Export bucket", fields._id],
    ["Cloud provider", fields.cloudProvider],
    ["Bucket name", fields.bucketName],
    ["IAM role", fields.iamRoleId],
    ["Role", fields.roleId],
    ["Service URL", fields.serviceUrl],
    ["Tenant", fields.tenantId],
    ["Region", fields.region],
    ["Private networking", fields.requirePrivateNetworking],
  ]);
}
