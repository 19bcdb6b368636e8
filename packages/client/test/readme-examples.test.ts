import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockAtlas } from "@atlas-export/mock-server";
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

  it("names every package its examples import in an npm install line, at the client's version of it", async () => {
    const readme = await readFile(join(packageDir, "README.md"), "utf8");
    const installed = [...readme.matchAll(/^npm install (.+)$/gm)].flatMap((match) => match[1]!.split(/\s+/));
    const imported = new Set(
      (await examplesOf("README.md"))
        .flatMap((block) => [...block.matchAll(/from "([^"]+)"/g)].map((match) => match[1]!))
        .filter((specifier) => !specifier.startsWith("node:") && specifier !== "@atlas-export/client"),
    );
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) {
      // A package the client depends on must be installed at the client's version (types must match).
      const { version } = JSON.parse(
        await readFile(join(packageDir, "node_modules", name, "package.json"), "utf8"),
      ) as { version: string };
      expect(installed, `README.md imports ${name} without saying to install it`).toContain(
        `${name}@${version}`,
      );
    }
  });

  it(
    "has examples reading the environment that run with the README's emulator settings and revoke their token",
    { timeout: 120_000 },
    async () => {
      const examples = (await examplesOf("README.md")).filter((block) =>
        block.includes("createAtlasClient.fromEnv("),
      );
      expect(examples.length).toBeGreaterThan(3);
      // The variables the README tells a reader to export for the emulator; only the port is ours.
      const readme = await readFile(join(packageDir, "README.md"), "utf8");
      const exported = Object.fromEntries(
        [...readme.matchAll(/^export (MONGODB_ATLAS_\w+)=(\S+)$/gm)].map((match) => [match[1]!, match[2]!]),
      );
      expect(Object.keys(exported).sort()).toEqual([
        "MONGODB_ATLAS_BASE_URL",
        "MONGODB_ATLAS_CLIENT_ID",
        "MONGODB_ATLAS_CLIENT_SECRET",
        "MONGODB_ATLAS_PROJECT_ID",
      ]);
      expect(exported.MONGODB_ATLAS_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const mock = await startMockAtlas({ exportJobLifecycle: { queuedMs: 200, durationMs: 600 } });
      dir ??= await mkdtemp(join(packageDir, ".readme-examples-"));
      try {
        for (const [i, block] of examples.entries()) {
          const js = ts.transpileModule(block, {
            compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
          }).outputText;
          const file = join(dir, `run-${i}.mjs`);
          await writeFile(file, js);
          const minted = mock.stats.tokensMinted;
          const revoked = mock.stats.tokensRevoked;
          const result = await runNode(file, { ...exported, MONGODB_ATLAS_BASE_URL: mock.url });
          const example = block.split("\n").find((line) => line.startsWith("const atlas"));
          expect({ example, code: result.code, stderr: result.stderr }).toMatchObject({ example, code: 0 });
          // Each closes its client: the token it minted is revoked, not left among the 100 live ones.
          expect({ example, revoked: mock.stats.tokensRevoked - revoked }).toEqual({
            example,
            revoked: mock.stats.tokensMinted - minted,
          });
        }
      } finally {
        await mock.close();
      }
    },
  );
});

function runNode(file: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}
