import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { repoPaths } from "./repo-paths.js";

/**
 * Writes a small application that uses openapi-fetch with `paths` from `typesModule` the way a consumer
 * would: one typed client, one call of this operation, a few fields read. Both consumers in the type-cost
 * benchmark are this same code; only where `paths` comes from differs. Without `typesModule` it writes the
 * baseline: the same compiler settings and a program that imports nothing, i.e. what any project pays.
 */
export async function writeConsumerProject(dir: string, typesModule?: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Resolve openapi-fetch and @atlas-export/types from the bench's own dependencies.
  await symlink(join(repoPaths.bench, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  await writeFile(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
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
  if (typesModule === undefined) {
    await writeFile(join(dir, "consumer.ts"), "export const ready: boolean = true;\n");
    return;
  }
  await writeFile(
    join(dir, "consumer.ts"),
    `import createClient from "openapi-fetch";
import type { paths } from ${JSON.stringify(typesModule)};

const atlas = createClient<paths>({
  baseUrl: "https://cloud.mongodb.com",
  headers: { Accept: "application/vnd.atlas.2023-01-01+json" },
});

export async function exportProgress(groupId: string, clusterName: string, exportId: string): Promise<string> {
  const { data, error } = await atlas.GET(
    "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
    { params: { path: { groupId, clusterName, exportId } } },
  );
  if (error !== undefined) throw new Error(\`getBackupExportJob failed: \${JSON.stringify(error)}\`);
  const status = data.exportStatus;
  return \`\${data.state ?? "unknown"}: \${status?.exportedCollections ?? 0}/\${status?.totalCollections ?? 0}\`;
}
`,
  );
}
