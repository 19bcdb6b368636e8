import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import { generatedUrl, renderTypes } from "./render-types.mjs";
import { renderValidators, validatorsUrl } from "./render-validators.mjs";

for (const [url, render] of [
  [generatedUrl, renderTypes],
  [validatorsUrl, renderValidators],
]) {
  const out = fileURLToPath(url);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await render());
  console.log(`@atlas-export/types: wrote ${out}`);
}
