// Splits the differences into the ones a sync would take from upstream (counted, by classification) and
// the ones recorded as deliberate deviations (shown apart, not counted), and names the release bump.
import { classifyDifference } from "./classify-difference.mjs";
import { coveringDeviation } from "./deviations.mjs";

/** @typedef {"major" | "minor" | "patch" | "none"} Bump */

/**
 * @param {import("./compare-operations.mjs").Difference[]} differences
 * @param {import("./deviations.mjs").Deviation[]} deviations
 */
export function summarizeDifferences(differences, deviations) {
  const changes = [];
  const deliberate = [];
  for (const difference of differences) {
    const classified = { ...difference, ...classifyDifference(difference) };
    const deviation = coveringDeviation(difference, deviations);
    if (deviation) deliberate.push({ ...classified, deviation });
    else changes.push(classified);
  }
  const count = (classification) =>
    changes.filter((change) => change.classification === classification).length;
  const counts = {
    breaking: count("breaking"),
    "non-breaking": count("non-breaking"),
    "docs-only": count("docs-only"),
  };
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
  return { changes, deliberate, counts, bump, stale };
}
