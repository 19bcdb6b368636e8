// The published workspace packages a change of @atlas-export/types reaches.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { typesPackage } from "./render-changeset.mjs";

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
