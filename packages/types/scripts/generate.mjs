import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import { generatedUrl, renderTypes } from "./render-types.mjs";
import { renderValidators } from "./render-validators.mjs";

for (const { url, code } of [
  { url: generatedUrl, code: await renderTypes() },
  ...(await renderValidators()),
]) {
  const out = fileURLToPath(url);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, code);
  console.log(`@atlas-export/types: wrote ${out}`);
}
