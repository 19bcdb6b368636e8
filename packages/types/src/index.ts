export type { paths, components, operations } from "./generated/atlas-export.js";
export { diskBackupExportJobStateValues } from "./generated/atlas-export.js";
export type * from "./generated/aliases.js";
export { operationTable } from "./generated/operation-table.js";
export type { OperationDescriptor } from "./operation-descriptor.js";
export type { OperationId } from "./operation-id.js";
export {
  BACKUP_EXPORT_JOB_STATES,
  TERMINAL_STATES,
  isTerminalState,
  type BackupExportJobState,
  type TerminalBackupExportJobState,
} from "./job-states.js";
