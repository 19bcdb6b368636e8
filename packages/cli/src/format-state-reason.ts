import type { BackupExportJob } from "@atlas-export/types";
import { formatServerValue } from "./format-server-value.js";

/**
 * "EXPORT_FAILED: the bucket denied access", or undefined when Atlas gave no reason. Terminal-safe:
 * whoever can make an export fail chooses this text.
 */
export function formatStateReason(job: BackupExportJob): string | undefined {
  const reason: unknown = job.stateReason;
  if (reason === undefined || reason === null) return undefined;
  if (typeof reason !== "object" || Array.isArray(reason)) return formatServerValue(reason) || undefined;
  const { errorCode, message } = reason as Record<string, unknown>;
  const code = formatServerValue(errorCode);
  const text = formatServerValue(message);
  if (code && text) return `${code}: ${text}`;
  return code || text || undefined;
}
