import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { repoPaths } from "./repo-paths.js";

/**
 * Writes a consumer project: `consumerSource` as its only file (see openapi-fetch-consumer.ts and
 * types-only-consumer.ts) under one fixed tsconfig, so consumers differ only in their code and where their
 * types come from. Without `consumerSource` it writes the baseline: the same compiler settings and a program
 * that imports nothing, i.e. what any project pays.
 */
export async function writeConsumerProject(dir: string, consumerSource?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Resolve openapi-fetch and @atlas-export/types from the bench's own dependencies.
  await symlink(join(repoPaths.bench, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        // DOM for the fetch types openapi-fetch's declarations use; the types-only consumer and the baseline
        // get the same lib so that one baseline is subtracted from both.
        lib: ["ES2023", "DOM"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  await writeFile(join(dir, "consumer.ts"), consumerSource ?? "export const ready: boolean = true;\n");
}
