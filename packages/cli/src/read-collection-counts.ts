import type { BackupExportJob } from "@atlas-export/types";

/** A job's collection counts; `total` is absent until Atlas has counted the collections. */
export interface CollectionCounts {
  exported: number;
  total?: number;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * Reads `exportStatus` without trusting its type: counts that are not non-negative numbers (a broken
 * answer) read as not counted rather than as NaN%.
 */
export function readCollectionCounts(job: BackupExportJob): CollectionCounts {
  const status: unknown = job.exportStatus;
  const fields = typeof status === "object" && status !== null ? (status as Record<string, unknown>) : {};
  const total = count(fields.totalCollections);
  const exported = count(fields.exportedCollections) ?? 0;
  return total === undefined ? { exported } : { exported, total };
}
