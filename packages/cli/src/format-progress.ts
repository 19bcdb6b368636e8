import type { BackupExportJob } from "@atlas-export/types";

/** "3/12 collections (25%)", or "collections not counted yet" before Atlas reports a total. */
export function formatProgress(job: BackupExportJob): string {
  const exported = job.exportStatus?.exportedCollections;
  const total = job.exportStatus?.totalCollections;
  if (total === undefined) return "collections not counted yet";
  const done = exported ?? 0;
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return `${done}/${total} collections (${percent}%)`;
}
