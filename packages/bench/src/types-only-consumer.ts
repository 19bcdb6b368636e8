/**
 * The source of a small program that uses the generated types without any client library, the way a
 * consumer who only wants the types does (their own fetch, their own formatting): it names this
 * operation's path parameters, its 200 response body and the job schema, and reads a few fields.
 * It must compile unchanged against our types and against types generated from the full upstream spec, so
 * it reaches the operation through its path: the two specs name it differently (getBackupExportJob here,
 * getGroupClusterBackupExport upstream), and `operations` is only used for the set of operation ids.
 */
export function typesOnlyConsumer(typesModule: string): string {
  return `import type { components, operations, paths } from ${JSON.stringify(typesModule)};

type GetExportJob =
  paths["/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}"]["get"];
export type ExportJobPathParams = GetExportJob["parameters"]["path"];
export type ExportJobBody = GetExportJob["responses"][200]["content"]["application/vnd.atlas.2023-01-01+json"];
export type ExportJob = components["schemas"]["DiskBackupExportJob"];
export type OperationId = keyof operations;

export function exportJobPath({ groupId, clusterName, exportId }: ExportJobPathParams): string {
  const segment = encodeURIComponent;
  return \`/api/atlas/v2/groups/\${segment(groupId)}/clusters/\${segment(clusterName)}/backup/exports/\${segment(exportId)}\`;
}

export function exportProgress(job: ExportJob): string {
  const status = job.exportStatus;
  return \`\${job.state ?? "unknown"}: \${status?.exportedCollections ?? 0}/\${status?.totalCollections ?? 0}\`;
}

export function logLine(operationId: OperationId, body: ExportJobBody): string {
  return \`\${operationId} -> \${exportProgress(body)}\`;
}
`;
}
