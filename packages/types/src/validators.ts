export { validateBackupExportJob } from "./validate-backup-export-job.js";
export { validatePathParameter, type PathParameterName } from "./validate-path-parameter.js";
export type { SchemaViolation } from "./schema-violation.js";
