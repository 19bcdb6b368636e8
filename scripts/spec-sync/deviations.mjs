// The deliberate deviations recorded in spec/openapi.yaml (`x-atlas-export-deviations`) and which
// difference each one covers. An entry covers its `location` and everything below it; the special
// location `descriptions` covers every difference in wording between two descriptions (both present),
// because the fragment keeps the documentation page's wording throughout.
import { SpecSyncError } from "./spec-sync-error.mjs";

/**
 * @typedef {object} Deviation
 * @property {string} location
 * @property {string} kind what the fragment did relative to upstream: added, removed or changed
 * @property {string} why
 * @property {unknown} [upstream]
 */

/** Reads and checks the deviation list of a fragment document. @returns {Deviation[]} */
export function readDeviations(fragment, name) {
  const list = fragment["x-atlas-export-deviations"] ?? [];
  if (!Array.isArray(list))
    throw new SpecSyncError(`${name}: x-atlas-export-deviations must be a list of {location, kind, why}.`);
  list.forEach((entry, i) => {
    if (
      !entry ||
      typeof entry.location !== "string" ||
      entry.location === "" ||
      typeof entry.why !== "string"
    )
      throw new SpecSyncError(
        `${name}: x-atlas-export-deviations[${i}] needs a \`location\` and a \`why\` (strings).`,
      );
  });
  return list;
}

/** The deviation that covers this difference, if any. */
export function coveringDeviation(difference, deviations) {
  return deviations.find((deviation) =>
    deviation.location === "descriptions"
      ? difference.key === "description" && difference.what === "value" && difference.kind === "changed"
      : difference.location === deviation.location ||
        difference.location.startsWith(`${deviation.location}.`),
  );
}
