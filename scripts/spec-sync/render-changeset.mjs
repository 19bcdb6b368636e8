// The changeset a sync writes. The bump follows the classification: breaking -> major, non-breaking ->
// minor, docs-only -> patch. @atlas-export/types gets it, and so does every published package that
// depends on it (directly or through another): the client returns these types, the CLI prints these
// bodies, the emulator serves them, so a field removed or added upstream reaches their users the same
// way. A docs-only sync only changes comments in the generated types: a patch of @atlas-export/types
// (changesets bumps the dependents' ranges itself where needed).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export const typesPackage = "@atlas-export/types";

/** Published workspace packages that depend on @atlas-export/types, directly or transitively. */
export async function findDependents(root) {
  let folders = [];
  try {
    folders = await readdir(join(root, "packages"));
  } catch {
    return [];
  }
  const manifests = [];
  for (const folder of folders) {
    try {
      manifests.push(JSON.parse(await readFile(join(root, "packages", folder, "package.json"), "utf8")));
    } catch {
      // not a package folder
    }
  }
  const affected = new Set([typesPackage]);
  for (let grew = true; grew;) {
    grew = false;
    for (const manifest of manifests) {
      if (affected.has(manifest.name)) continue;
      const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (Object.keys(deps).some((name) => affected.has(name))) {
        affected.add(manifest.name);
        grew = true;
      }
    }
  }
  const published = new Set(
    manifests.filter((manifest) => !manifest.private).map((manifest) => manifest.name),
  );
  return [...affected].filter((name) => name !== typesPackage && published.has(name)).sort();
}

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
  const sentence =
    `Sync getBackupExportJob with the upstream Atlas Admin API v2 spec (${upstreamLabel}): ` +
    `${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking and ${counts["docs-only"]} docs-only change` +
    `${changes.length === 1 ? "" : "s"}.`;
  const order = { breaking: 0, "non-breaking": 1, "docs-only": 2 };
  const list = [...changes]
    .sort((a, b) => order[a.classification] - order[b.classification])
    .map((change) => `- ${change.classification}: \`${change.location}\` ${change.kind} (${change.reason})`);
  return `---\n${front}\n---\n\n${sentence}\n\n${list.join("\n")}\n`;
}
