import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DocumentedExample } from "./documented-example.js";
import { fixturesDir } from "./package-paths.js";
import { renderFixture } from "./render-fixture.js";

/**
 * Writes one fixture file per example into `.fixtures/<folder>/` (replacing what was there) and returns
 * the files, in the order of the examples, so diagnostics can be traced back to the example by file name.
 */
export async function writeFixtures(
  folder: string,
  examples: readonly DocumentedExample[],
): Promise<{ example: DocumentedExample; file: string }[]> {
  const dir = join(fixturesDir, folder);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return Promise.all(
    examples.map(async (example) => {
      const file = join(dir, `${example.id}.ts`);
      await writeFile(file, renderFixture(example));
      return { example, file };
    }),
  );
}
