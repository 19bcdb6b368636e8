// Splits the differences into the ones a sync would take from upstream (counted, by classification) and
// the ones recorded as deliberate deviations (shown apart, not counted), names the release bump, and says
// which operations each difference reaches: its own operation, or every operation that reaches the
// component it is in.
import { classifications, classifyDifference } from "./classify-difference.mjs";
import { coveringDeviation } from "./deviations.mjs";

/** @typedef {"major" | "minor" | "patch" | "none"} Bump */

const severity = { breaking: 0, "non-breaking": 1, "docs-only": 2 };

/** The operations (fragment ids) a difference reaches. */
function operationsOf(difference, operations) {
  if (difference.operationId) return [difference.operationId];
  const [type, name] = difference.location.split(".");
  return operations
    .filter((operation) => operation.reaches.has(`${type}.${name}`))
    .map((operation) => operation.operationId);
}

/**
 * A component read in requests and in responses is compared in each role; the same node then differs
 * twice. Keep one record per location and kind, with the stricter classification.
 */
function dedupe(classified) {
  const byKey = new Map();
  for (const entry of classified) {
    const key = `${entry.location}\u0000${entry.kind}`;
    const known = byKey.get(key);
    if (!known || severity[entry.classification] < severity[known.classification]) byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * @param {import("./compare-operations.mjs").Difference[]} differences
 * @param {import("./deviations.mjs").Deviation[]} deviations
 * @param {import("./extract-operations.mjs").ExtractedOperation[]} operations the fragment's operations
 */
export function summarizeDifferences(differences, deviations, operations = []) {
  const changes = [];
  const deliberate = [];
  const classified = dedupe(
    differences.map((difference) => ({
      ...difference,
      ...classifyDifference(difference),
      operations: operationsOf(difference, operations),
    })),
  );
  for (const entry of classified) {
    const deviation = coveringDeviation(entry, deviations);
    if (deviation) deliberate.push({ ...entry, deviation });
    else changes.push(entry);
  }
  const countOf = (list) =>
    Object.fromEntries(
      classifications.map((classification) => [
        classification,
        list.filter((change) => change.classification === classification).length,
      ]),
    );
  const counts = countOf(changes);
  const byOperation = operations.map((operation) => ({
    operationId: operation.operationId,
    counts: countOf(changes.filter((change) => change.operations.includes(operation.operationId))),
  }));
  /** @type {Bump} */
  const bump =
    counts.breaking > 0
      ? "major"
      : counts["non-breaking"] > 0
        ? "minor"
        : counts["docs-only"] > 0
          ? "patch"
          : "none";
  const used = new Set(deliberate.map((entry) => entry.deviation));
  const stale = deviations.filter((deviation) => !used.has(deviation));
  return { changes, deliberate, counts, byOperation, bump, stale };
}
