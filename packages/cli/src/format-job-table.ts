import type { BackupExportJob } from "@atlas-export/types";
import { formatProgress } from "./format-progress.js";
import { formatServerValue } from "./format-server-value.js";
import { formatDetailTable } from "./format-detail-table.js";
import { formatStateReason } from "./format-state-reason.js";
import { readJobState } from "./read-job-state.js";

/** The items of a list field; a value that is not an array (a broken answer) is shown as one item. */
function items(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A field of a list item, or the item itself when it is not an object. */
function field(item: unknown, name: string): unknown {
  return typeof item === "object" && item !== null ? (item as Record<string, unknown>)[name] : undefined;
}

function isObject(item: unknown): boolean {
  return typeof item === "object" && item !== null && !Array.isArray(item);
}

/** One row per value under one label (on the first row); values with nothing to show are left out. */
function listRows(
  rows: Array<[string, string | undefined]>,
  label: string,
  values: Array<string | undefined>,
): void {
  const shown = values.filter((value): value is string => value !== undefined && value !== "");
  for (const [index, value] of shown.entries()) rows.push([index === 0 ? label : "", value]);
}

/**
 * A job as aligned "label  value" rows for people at a terminal. Fields Atlas did not send are left
 * out rather than shown empty; `--output json` shows the response exactly as received. Every value is
 * read without trusting its type and made terminal-safe: the job comes from the network, and `prefix`
 * and `customData` are chosen by whoever created the export.
 */
export function formatJobTable(job: BackupExportJob, extra: ReadonlyArray<[string, string]> = []): string {
  const rows: Array<[string, string | undefined]> = [
    ...extra,
    ["Export job", formatServerValue(job.id)],
    ["State", job.state === undefined ? undefined : readJobState(job).label],
    ["Progress", job.exportStatus ? formatProgress(job) : undefined],
    ["State reason", formatStateReason(job)],
    ["Snapshot", formatServerValue(job.snapshotId)],
    ["Export bucket", formatServerValue(job.exportBucketId)],
    ["Created", formatServerValue(job.createdAt)],
    ["Finished", formatServerValue(job.finishedAt)],
    ["Prefix", formatServerValue(job.prefix)],
  ];
  listRows(
    rows,
    "Shards",
    items(job.components).map((member) =>
      isObject(member)
        ? `${formatServerValue(field(member, "replicaSetName")) ?? "(unnamed replica set)"}  ${formatServerValue(field(member, "exportId")) ?? ""}`.trimEnd()
        : formatServerValue(member),
    ),
  );
  listRows(
    rows,
    "Custom data",
    items(job.customData).map((label) =>
      isObject(label)
        ? `${formatServerValue(field(label, "key")) ?? ""}=${formatServerValue(field(label, "value")) ?? ""}`
        : formatServerValue(label),
    ),
  );
  listRows(rows, "Delivery URL", items(job.deliveryUrl).map(formatServerValue));

  return formatDetailTable(rows);
}
