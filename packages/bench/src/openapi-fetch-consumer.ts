/**
 * The source of a small application that uses openapi-fetch with `paths` from `typesModule` the way a
 * consumer of the generated types would: one typed client, one call of this operation, three fields read.
 * Most of what it costs to type-check is openapi-fetch's own generic machinery (createClient, the path and
 * init helpers), which is the same whichever module `paths` comes from.
 */
export function openapiFetchConsumer(typesModule: string): string {
  return `import createClient from "openapi-fetch";
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
`;
}
