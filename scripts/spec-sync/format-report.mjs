// The text report of spec-sync: the operations compared, what taking upstream would change (per
// operation, then grouped by classification), the deliberate deviations (not counted), recorded
// deviations that no longer differ from upstream, and upstream operations on the same paths that the
// fragment does not take.
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
  const shared =
    entry.operationId || entry.operations.length === 0 ? "" : ` [${entry.operations.join(", ")}]`;
  return `  ${marks[entry.kind]} ${entry.location} (${entry.kind}; ${entry.reason})${shared}${detail}`;
}

const tally = (counts) =>
  `${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking, ${counts["docs-only"]} docs-only`;

/**
 * @param {{fragmentName: string, upstreamName: string,
 *   operations: {operationId: string, method: string, path: string, upstreamOperationId: unknown}[],
 *   available: {method: string, path: string, operationId?: string, alias?: string}[],
 *   summary: ReturnType<typeof import("./summarize-differences.mjs").summarizeDifferences>,
 *   packages: string[]}} input
 */
export function formatReport({ fragmentName, upstreamName, operations, available, summary, packages }) {
  const { changes, deliberate, counts, byOperation, bump, stale } = summary;
  const out = [];
  out.push(`spec-sync: ${fragmentName} vs ${upstreamName}`);
  out.push(`operations (${operations.length}):`);
  for (const operation of operations) {
    const own = byOperation.find((entry) => entry.operationId === operation.operationId)?.counts;
    const state = own && changes.some((change) => change.operations.includes(operation.operationId));
    out.push(
      `  ${operation.operationId}: ${operation.method.toUpperCase()} ${operation.path}` +
        ` (upstream operationId: ${operation.upstreamOperationId ?? "none"})` +
        (state ? ` — ${tally(own)}` : " — in step"),
    );
  }
  out.push("");
  if (changes.length === 0) {
    out.push(`Nothing to do: the fragment matches upstream apart from its recorded deviations.`);
  } else {
    out.push(
      `${changes.length} change${changes.length === 1 ? "" : "s"} to take from upstream: ${tally(counts)}` +
        ` -> ${bump} release of ${packages.join(", ")}`,
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
  if (available.length > 0) {
    out.push("", `Available upstream on the same paths, not taken (add to x-atlas-export-upstream to take):`);
    for (const operation of available)
      out.push(
        `  ${operation.method.toUpperCase()} ${operation.path} (${operation.operationId ?? "no operationId"}` +
          `${operation.alias ? `, alias ${operation.alias}` : ""})`,
      );
  }
  return out.join("\n");
}
