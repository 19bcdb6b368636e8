import type { BackupExportJob } from "@atlas-export/types";
import { formatProgress } from "./format-progress.js";
import { formatStateReason } from "./format-state-reason.js";

/**
 * A job as aligned "label  value" rows for people at a terminal. Fields Atlas did not send are left
 * out rather than shown empty; `--output json` shows the response exactly as received.
 */
export function formatJobTable(job: BackupExportJob, extra: ReadonlyArray<[string, string]> = []): string {
  const rows: Array<[string, string | undefined]> = [
    ...extra,
    ["Export job", job.id],
    ["State", job.state],
    ["Progress", job.exportStatus ? formatProgress(job) : undefined],
    ["State reason", formatStateReason(job)],
    ["Snapshot", job.snapshotId],
    ["Export bucket", job.exportBucketId],
    ["Created", job.createdAt],
    ["Finished", job.finishedAt],
    ["Prefix", job.prefix],
  ];
  for (const [index, member] of (job.components ?? []).entries())
    rows.push([
      index === 0 ? "Shards" : "",
      `${member.replicaSetName ?? "(unnamed replica set)"}  ${member.exportId ?? ""}`.trimEnd(),
    ]);
  for (const [index, label] of (job.customData ?? []).entries())
    rows.push([index === 0 ? "Custom data" : "", `${label.key ?? ""}=${label.value ?? ""}`]);
  for (const [index, url] of (job.deliveryUrl ?? []).entries())
    rows.push([index === 0 ? "Delivery URL" : "", url]);

  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== "");
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n") + "\n";
}
