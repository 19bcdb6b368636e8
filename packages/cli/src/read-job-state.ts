import { BACKUP_EXPORT_JOB_STATES, type BackupExportJobState } from "@atlas-export/types";
import { formatServerValue } from "./format-server-value.js";

/** A job's state as the CLI shows it, and whether it is one of the states the spec defines. */
export interface JobStateView {
  /** What to print: the state, or e.g. `Paused (unknown state)` / `(no state)`. */
  label: string;
  /** The state when it is one the spec defines; absent for a missing, unknown or ill-typed one. */
  known?: BackupExportJobState;
}

/**
 * Reads `job.state` without trusting its type: an unknown state is shown as such and is never taken for
 * success (a newer Atlas may add states; a broken proxy may send anything).
 */
export function readJobState(job: { state?: unknown }): JobStateView {
  const state = job.state;
  if (typeof state === "string" && (BACKUP_EXPORT_JOB_STATES as readonly string[]).includes(state))
    return { label: state, known: state as BackupExportJobState };
  if (state === undefined || state === null) return { label: "(no state)" };
  return { label: `${formatServerValue(state) || '""'} (unknown state)` };
}
