// INTERIM until @atlas-export/types generates the nine operations: hand-written stand-ins for the
// generated aliases and validators. Deleted when the generated ones land; nothing here is exported.
import type { SchemaViolation } from "@atlas-export/types/validators";

interface Link {
  href?: string;
  rel?: string;
}

interface BucketCommon {
  _id: string;
  bucketName: string;
  links?: Link[];
}
export type ExportBucket =
  | (BucketCommon & {
      cloudProvider: "AWS";
      iamRoleId: string;
      region?: string;
      requirePrivateNetworking?: boolean;
    })
  | (BucketCommon & { cloudProvider: "AZURE"; roleId: string; serviceUrl: string; tenantId: string })
  | (BucketCommon & { cloudProvider: "GCP"; roleId: string });

export type CreateExportBucketBody =
  | { cloudProvider: "AWS"; bucketName: string; iamRoleId: string; requirePrivateNetworking?: boolean }
  | { cloudProvider: "AZURE"; bucketName?: string; roleId: string; serviceUrl: string; tenantId?: string }
  | { cloudProvider: "GCP"; bucketName: string; roleId: string };

export interface CreateBackupExportJobBody {
  snapshotId: string;
  exportBucketId: string;
  customData?: Array<{ key?: string; value?: string }>;
}

export interface BackupSnapshot {
  cloudProvider?: "AWS" | "AZURE" | "GCP";
  copyRegions?: string[];
  createdAt?: string;
  description?: string;
  expiresAt?: string;
  frequencyType?: "hourly" | "daily" | "weekly" | "monthly" | "yearly";
  id?: string;
  links?: Link[];
  masterKeyUUID?: string;
  mongodVersion?: string;
  policyItems?: string[];
  replicaSetName?: string;
  snapshotType?: "onDemand" | "scheduled" | "fallback";
  status?: "queued" | "inProgress" | "completed" | "failed";
  storageSizeBytes?: number;
  type?: "replicaSet" | "shardedCluster";
}

const HEX24 = /^([a-f0-9]{24})$/;
const fail = (pointer: string, keyword: string, message: string): SchemaViolation[] => [
  {
    pointer,
    keyword,
    params: keyword === "required" ? { missingProperty: /'(\w+)'/.exec(message)?.[1] } : {},
    message,
  },
];

function checkObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function validateCreateBackupExportJobBody(value: unknown): SchemaViolation[] {
  if (!checkObject(value)) return fail("", "type", "must be object");
  for (const field of ["exportBucketId", "snapshotId"]) {
    if (value[field] === undefined) return fail("", "required", `must have required property '${field}'`);
    if (typeof value[field] !== "string") return fail(`/${field}`, "type", "must be string");
    if (!HEX24.test(value[field] as string))
      return fail(`/${field}`, "pattern", 'must match pattern "^([a-f0-9]{24})$"');
  }
  if (value["customData"] !== undefined && !Array.isArray(value["customData"]))
    return fail("/customData", "type", "must be array");
  return [];
}

export function validateCreateExportBucketBody(value: unknown): SchemaViolation[] {
  if (!checkObject(value)) return fail("", "type", "must be object");
  const required: Record<string, string[]> = {
    AWS: ["bucketName", "iamRoleId"],
    AZURE: ["roleId", "serviceUrl"],
    GCP: ["bucketName", "roleId"],
  };
  const provider = value["cloudProvider"];
  if (provider === undefined) return fail("", "required", "must have required property 'cloudProvider'");
  const fields = typeof provider === "string" ? required[provider] : undefined;
  if (fields === undefined)
    return fail("/cloudProvider", "enum", "must be equal to one of the allowed values");
  for (const field of fields) {
    if (value[field] === undefined) return fail("", "required", `must have required property '${field}'`);
  }
  for (const field of ["iamRoleId", "roleId"]) {
    if (value[field] !== undefined && !(typeof value[field] === "string" && HEX24.test(value[field])))
      return fail(`/${field}`, "pattern", 'must match pattern "^([a-f0-9]{24})$"');
  }
  const name = value["bucketName"];
  if (name !== undefined && !(typeof name === "string" && name.length >= 3 && name.length <= 63))
    return fail("/bucketName", "minLength", "must NOT have fewer than 3 characters");
  return [];
}

/** Interim check for the path parameters main's generated validators do not know yet. */
export function interimHexParameter(value: string): string | undefined {
  return HEX24.test(value) ? undefined : 'must match pattern "^([a-f0-9]{24})$"';
}
