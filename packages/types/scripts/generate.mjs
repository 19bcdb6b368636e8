import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import { generatedUrl, renderTypes } from "./render-types.mjs";

const out = fileURLToPath(generatedUrl);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, await renderTypes());
console.log(`@atlas-export/types: wrote ${out}`);
