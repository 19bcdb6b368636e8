// `pnpm generate`: renders every file of src/generated/ from spec/openapi.yaml (or the file given as the
// first argument) and replaces the folder's contents only when all of them rendered, so a bad spec leaves
// the committed files untouched and gets one line naming the operation and the node, not a stack trace.
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { SpecError } from "./read-operations.mjs";
import { generatedDirUrl, renderGenerated, specUrl } from "./render-generated.mjs";

const url = process.argv[2] ? pathToFileURL(resolve(process.argv[2])) : specUrl;
const outDir = process.argv[3] ? resolve(process.argv[3]) : fileURLToPath(generatedDirUrl);

let files;
try {
  files = await renderGenerated(url);
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  console.error(`@atlas-export/types: cannot generate from ${fileURLToPath(url)}: ${error.message}`);
  process.exit(2);
}
await mkdir(outDir, { recursive: true });
const keep = new Set(files.map(({ file }) => file));
for (const stale of await readdir(outDir)) {
  if (!keep.has(stale)) await rm(join(outDir, stale), { recursive: true, force: true });
}
for (const { file, code } of files) {
  await writeFile(join(outDir, file), code);
  console.log(`@atlas-export/types: wrote ${join(outDir, file)}`);
}
