import type { BackupExportJob } from "@atlas-export/types";
import { readCollectionCounts } from "./read-collection-counts.js";

/** "3/12 collections (25%)", or "collections not counted yet" before Atlas reports a total. */
export function formatProgress(job: BackupExportJob): string {
  const { exported, total } = readCollectionCounts(job);
  if (total === undefined) return "collections not counted yet";
  const percent = total === 0 ? 100 : Math.floor((exported / total) * 100);
  return `${exported}/${total} collections (${percent}%)`;
}
