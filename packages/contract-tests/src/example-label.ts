import type { DocumentedExample } from "./documented-example.js";

/** How the report and test names refer to an example: `getBackupExportJob 404 application/json "documented"`. */
export function exampleLabel(example: DocumentedExample): string {
  return `${example.operationId} ${example.status} ${example.mediaType} "${example.name}"`;
}
