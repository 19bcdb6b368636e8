export type { paths, components, operations } from "./generated/atlas-export.js";
export { diskBackupExportJobStateValues } from "./generated/atlas-export.js";
export type {
  ApiError,
  BackupExportJob,
  BackupExportJobState,
  BackupExportMember,
  ExportStatus,
  GetBackupExportJobParams,
  GetBackupExportJobQuery,
  StateReason,
} from "./aliases.js";
export {
  BACKUP_EXPORT_JOB_STATES,
  TERMINAL_STATES,
  isTerminalState,
  type TerminalBackupExportJobState,
} from "./job-states.js";
