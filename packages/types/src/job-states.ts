import { diskBackupExportJobStateValues } from "./generated/atlas-export.js";
import type { BackupExportJob } from "./generated/aliases.js";

/** The five states of an export job: a literal union, never `string`. */
export type BackupExportJobState = NonNullable<BackupExportJob["state"]>;

/** Every state of an export job, in the spec's order (generated from the `state` enum). */
export const BACKUP_EXPORT_JOB_STATES: readonly BackupExportJobState[] = diskBackupExportJobStateValues;

/** States after which a job never changes again. */
export const TERMINAL_STATES = [
  "Successful",
  "Failed",
  "Cancelled",
] as const satisfies readonly BackupExportJobState[];

/** A state after which a job never changes again. */
export type TerminalBackupExportJobState = (typeof TERMINAL_STATES)[number];

/** Whether a job in this state will change no more. */
export function isTerminalState(
  state: BackupExportJobState | undefined,
): state is TerminalBackupExportJobState {
  return state !== undefined && (TERMINAL_STATES as readonly string[]).includes(state);
}
