import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_SERVICE_ACCOUNT, startMockAtlas, type MockAtlas } from "@atlas-export/mock-server";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The repository README's client example is the first code a newcomer copies: it must run as shown,
// end to end, and close its client (issue 18: the old one waited on a Cancelled job and never closed).
const packageDir = fileURLToPath(new URL("..", import.meta.url));
let mock: MockAtlas;
let dir: string;

beforeAll(async () => {
  mock = await startMockAtlas({ exportJobLifecycle: { queuedMs: 200, durationMs: 600 } });
  // Inside the package directory, so `@atlas-export/client` resolves to the built package (self-reference).
  dir = await mkdtemp(join(packageDir, ".root-readme-example-"));
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

function run(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("the repository README's client example", () => {
  it(
    "runs as shown against the emulator: bucket, latest snapshot, export, wait, list, close",
    { timeout: 90_000 },
    async () => {
      const readme = await readFile(join(packageDir, "../../README.md"), "utf8");
      const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
        .map((match) => match[1]!)
        .find((code) => code.includes('from "@atlas-export/client"'));
      expect(block).toBeDefined();
      const js = ts.transpileModule(block!, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const file = join(dir, "example.mjs");
      await writeFile(file, js);

      const result = await run(file, {
        MONGODB_ATLAS_BASE_URL: mock.url,
        MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
        MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
        MONGODB_ATLAS_PROJECT_ID: "32b6e34b3d91647abb20e7b8",
      });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Successful /m);
      // The new export is listed with the cluster's others.
      expect(result.stdout).toMatch(/^[0-9a-f]{24} Successful$/m);
      expect(mock.stats.byOperation.createBackupExportJob).toBe(1);
      // close() revoked the token it minted.
      expect(mock.stats.tokensRevoked).toBeGreaterThan(0);
    },
  );
});
