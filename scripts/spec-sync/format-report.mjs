// The text report of spec-sync: what taking upstream would change, grouped by classification, then the
// deliberate deviations (not counted) and recorded deviations that no longer differ from upstream.
import { classifications } from "./classify-difference.mjs";

const marks = { added: "+", removed: "-", changed: "~" };

function brief(value) {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function line(entry) {
  const detail =
    entry.kind === "changed"
      ? `: ${brief(entry.from)} -> ${brief(entry.to)}`
      : entry.kind === "added"
        ? `: ${brief(entry.to)}`
        : "";
  return `  ${marks[entry.kind]} ${entry.location} (${entry.kind}; ${entry.reason})${detail}`;
}

/**
 * @param {{fragmentName: string, upstreamName: string, method: string, path: string,
 *   upstreamOperationId: unknown, summary: ReturnType<typeof import("./summarize-differences.mjs").summarizeDifferences>,
 *   packages: string[]}} input
 */
export function formatReport({
  fragmentName,
  upstreamName,
  method,
  path,
  upstreamOperationId,
  summary,
  packages,
}) {
  const { changes, deliberate, counts, bump, stale } = summary;
  const out = [];
  out.push(`spec-sync: ${fragmentName} vs ${upstreamName}`);
  out.push(
    `operation: ${method.toUpperCase()} ${path} (upstream operationId: ${upstreamOperationId ?? "none"})`,
  );
  out.push("");
  if (changes.length === 0) {
    out.push(`Nothing to do: the fragment matches upstream apart from its recorded deviations.`);
  } else {
    out.push(
      `${changes.length} change${changes.length === 1 ? "" : "s"} to take from upstream: ${counts.breaking} breaking, ` +
        `${counts["non-breaking"]} non-breaking, ${counts["docs-only"]} docs-only -> ${bump} release of ${packages.join(", ")}`,
    );
    for (const classification of classifications) {
      const group = changes.filter((change) => change.classification === classification);
      if (group.length === 0) continue;
      out.push("", `${classification} (${group.length})`);
      for (const change of group) out.push(line(change));
    }
  }
  if (deliberate.length > 0) {
    out.push(
      "",
      `Deliberate deviations (x-atlas-export-deviations; shown apart, not counted): ${deliberate.length}`,
    );
    for (const entry of deliberate) {
      const via =
        entry.deviation.location === entry.location ? "" : `; recorded as ${entry.deviation.location}`;
      out.push(`  = ${entry.location} (${entry.kind} upstream, ${entry.classification} if taken${via})`);
    }
  }
  if (stale.length > 0) {
    out.push(
      "",
      `Recorded deviations that no longer differ from this upstream (keep them if a newer upstream still needs them):`,
    );
    for (const deviation of stale) out.push(`  ? ${deviation.location}`);
  }
  return out.join("\n");
}
