// The changeset a sync writes. The bump follows the classification: breaking -> major, non-breaking ->
// minor, docs-only -> patch. @atlas-export/types gets it, and so does every published package that
// depends on it (directly or through another): the client returns these types, the CLI prints these
// bodies, the emulator serves them, so a field removed or added upstream reaches their users the same
// way. A docs-only sync only changes comments in the generated types: a patch of @atlas-export/types
// (changesets bumps the dependents' ranges itself where needed).

export const typesPackage = "@atlas-export/types";

/** The packages a release of this bump covers, types first. */
export function packagesFor(bump, dependents) {
  if (bump === "none") return [];
  return bump === "patch" ? [typesPackage] : [typesPackage, ...dependents];
}

/**
 * @param {{bump: "major" | "minor" | "patch", packages: string[], upstreamLabel: string,
 *   counts: Record<string, number>, changes: any[]}} input
 */
export function renderChangeset({ bump, packages, upstreamLabel, counts, changes }) {
  const front = packages.map((name) => `"${name}": ${bump}`).join("\n");
  const touched = [...new Set(changes.flatMap((change) => change.operations ?? []))];
  const sentence =
    `Sync ${touched.length > 0 ? touched.join(", ") : "the fragment"} with the upstream Atlas Admin API v2 spec (${upstreamLabel}): ` +
    `${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking and ${counts["docs-only"]} docs-only change` +
    `${changes.length === 1 ? "" : "s"}.`;
  const order = { breaking: 0, "non-breaking": 1, "docs-only": 2 };
  const list = [...changes]
    .sort((a, b) => order[a.classification] - order[b.classification])
    .map(
      (change) =>
        `- ${change.classification}: \`${change.location}\` ${change.kind} (${change.reason})` +
        (change.operations?.length > 0 ? ` — ${change.operations.join(", ")}` : ""),
    );
  return `---\n${front}\n---\n\n${sentence}\n\n${list.join("\n")}\n`;
}
