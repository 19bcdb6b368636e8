// Finds the newest upstream spec in a folder of dated copies (atlas-v2-YYYY-MM-DD.yaml|yml|json).
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const datedSpec = /^atlas-v2-(\d{4}-\d{2}-\d{2})\.(ya?ml|json)$/;

/** The newest dated spec in `folder`, or undefined when the folder is missing or has none. */
export async function findNewestUpstream(folder) {
  let names;
  try {
    names = await readdir(folder);
  } catch {
    return undefined;
  }
  const dated = names
    .map((name) => ({ name, date: datedSpec.exec(name)?.[1] }))
    .filter((entry) => entry.date !== undefined)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return dated.length === 0 ? undefined : { file: join(folder, dated[0].name), date: dated[0].date };
}
