import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The first example is what a new user pastes into a test: it must run against the built package and
// leave the job where its comment says (InProgress, 20 of 40 collections after 6 s).
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let dir: string;

beforeAll(async () => {
  // Inside the package directory, so `@atlas-export/mock-server` resolves to this package (self-reference).
  dir = await mkdtemp(join(packageDir, ".readme-example-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("README.md's first example", () => {
  it("runs as shown and leaves the job InProgress with 20 of 40 collections exported", async () => {
    const readme = await readFile(join(packageDir, "README.md"), "utf8");
    const block = readme.match(/## Start it in a test\n\n```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toContain("clock.advance(6_000); // the job is now InProgress with 20 of 40");
    // Print the job as the API serves it just before the example closes the emulator.
    const job =
      'atlas.jobs.get({ groupId: "5f1b0c0d0e0f101112131415", clusterName: "Cluster0", exportId: "6650a1b2c3d4e5f601234567" })';
    const code = block!.replace(
      "await atlas.close();",
      `console.log(JSON.stringify(${job}));\nawait atlas.close();`,
    );
    expect(code).not.toBe(block);
    const js = ts.transpileModule(code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const file = join(dir, "example.mjs");
    await writeFile(file, js);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [file], { timeout: 30_000 }, (error, out, stderr) =>
        error ? reject(new Error(`the example failed: ${stderr}`)) : resolve(out),
      );
    });
    const served = JSON.parse(stdout) as { state: string; exportStatus: unknown; components: unknown[] };
    expect(served.state).toBe("InProgress");
    expect(served.exportStatus).toEqual({ exportedCollections: 20, totalCollections: 40 });
    expect(served.components).toHaveLength(2);
  });
});
