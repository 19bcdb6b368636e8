/**
 * The process exit codes of `atlas-export`, documented in `--help` and the README. Scripts branch on
 * them, so a value never changes meaning.
 */
export const EXIT_CODES = {
  /** The command did what was asked (for `watch`: the export job finished `Successful`). */
  success: 0,
  /** The export job is `Failed` or `Cancelled`. */
  exportFailed: 1,
  /** The command line was wrong: unknown flag, missing or malformed id, bad option value. */
  usage: 2,
  /** No credentials, or Atlas rejected them (401/403). */
  authentication: 3,
  /** Atlas has no such project, cluster or export job (404). */
  notFound: 4,
  /** Any other API error (429, 5xx, …), an unreachable host, a timeout or an unreadable response. */
  apiOrNetwork: 5,
  /** Interrupted with Ctrl-C (128 + SIGINT's number 2, the shell convention). */
  interrupted: 130,
  /** Stopped by SIGTERM, e.g. from a supervisor or `kill` (128 + SIGTERM's number 15). */
  terminated: 143,
} as const satisfies Record<string, number>;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
