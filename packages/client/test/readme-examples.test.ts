import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The ```ts blocks of a README, relative to this package. */
async function examplesOf(readmePath: string): Promise<string[]> {
  const readme = await readFile(join(packageDir, readmePath), "utf8");
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe("README.md", () => {
  it("has TypeScript examples that compile against the built package", { timeout: 60_000 }, async () => {
    const own = await examplesOf("README.md");
    expect(own.length).toBeGreaterThan(4);
    // The repository README's client example too (its emulator example imports another package).
    const root = (await examplesOf("../../README.md")).filter((block) =>
      block.includes('from "@atlas-export/client"'),
    );
    expect(root.length).toBeGreaterThan(0);
    const blocks = [...own, ...root];
    // Inside the package directory, so `@atlas-export/client` resolves to this package (self-reference).
    dir = await mkdtemp(join(packageDir, ".readme-examples-"));
    const files: string[] = [];
    for (const [i, block] of blocks.entries()) {
      const file = join(dir, `example-${i}.ts`);
      await writeFile(file, `${block}\nexport {};\n`);
      files.push(file);
    }
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts"],
      types: ["node"],
      typeRoots: [join(packageDir, "node_modules/@types")],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file ? `${d.file.fileName.split("/").pop()}: ` : ""}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      );
    expect(problems).toEqual([]);
  });
});
