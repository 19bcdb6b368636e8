import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A reader copies these examples and trusts the results their comments promise, so each runs against
// the built package (self-reference from inside the package directory, as an installed copy resolves).
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(packageDir, ".readme-examples-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readmeBlock(importing: string): Promise<string> {
  const readme = await readFile(join(packageDir, "README.md"), "utf8");
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((code) => code.includes(`from "${importing}"`));
  if (block === undefined) throw new Error(`README.md has no example importing ${importing}`);
  return block;
}

function runModule(name: string, code: string): Promise<string> {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const file = join(dir, `${name}.mjs`);
  return writeFile(file, js).then(
    () =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, [file], { timeout: 30_000 }, (error, stdout, stderr) =>
          error ? reject(new Error(`${name} failed: ${stderr}`)) : resolve(stdout),
        );
      }),
  );
}

describe("README.md", () => {
  it("has a job example that prints what its comments say", async () => {
    const stdout = await runModule("job", await readmeBlock("@atlas-export/types"));
    expect(stdout).toBe("InProgress: 3/12\n[ 'Successful', 'Failed', 'Cancelled' ]\n");
  });

  it("has validator calls that return the violations their comments show", async () => {
    const block = await readmeBlock("@atlas-export/types/validators");
    const source = ts.createSourceFile("validators.ts", block, ts.ScriptTarget.ES2022, true);
    // Each call whose comment shows a result (`// []` or `// [{ pointer: "/state", keyword: "enum", … }]`).
    const claims: Array<{ call: string; pointers: string[]; keywords: string[] }> = [];
    for (const [i, statement] of source.statements.entries()) {
      if (!ts.isExpressionStatement(statement)) continue;
      // The result is shown after the call, on its line or the next one.
      const next = source.statements[i + 1];
      const after = block.slice(statement.end, next ? next.getStart(source) : block.length);
      const shown = after.match(/\/\/ (\[.*)/)?.[1];
      if (shown === undefined) continue;
      claims.push({
        call: statement.expression.getText(source),
        pointers: [...shown.matchAll(/pointer: "([^"]*)"/g)].map((match) => match[1]!),
        keywords: [...shown.matchAll(/keyword: "([^"]*)"/g)].map((match) => match[1]!),
      });
    }
    expect(claims.length).toBeGreaterThanOrEqual(3);
    const imports = source.statements.filter(ts.isImportDeclaration).map((node) => node.getText(source));
    const printed = claims.map(({ call }) => `console.log(JSON.stringify(${call}));`);
    const stdout = await runModule("validators", [...imports, ...printed].join("\n"));
    const results = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Array<{ pointer: string; keyword: string }>);
    expect(results.map((violations, i) => ({ call: claims[i]!.call, violations }))).toEqual(
      claims.map(({ call, pointers, keywords }) => ({
        call,
        violations: pointers.map((pointer, j) => expect.objectContaining({ pointer, keyword: keywords[j] })),
      })),
    );
  });
});
