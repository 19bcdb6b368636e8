/**
 * The process exit codes of `atlas-export`, documented in `--help` and the README. Scripts branch on
 * them, so a value never changes meaning.
 */
export const EXIT_CODES = {
  success: 0,
  exportFailed: 1,
  usage: 2,
  authentication: 3,
  notFound: 4,
  apiOrNetwork: 5,
  /** 128 + SIGINT's number 2, the shell convention. */
  interrupted: 130,
  /** 128 + SIGTERM's number 15. */
  terminated: 143,
} as const satisfies Record<string, number>;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What each exit code means, as every `--help` page prints it (the README mirrors it). */
export const EXIT_CODE_MEANINGS = {
  success: "success: the command did what was asked (describe: printed the job, whatever its state)",
  exportFailed: "the export job ended Failed or Cancelled (watch); its stateReason is printed",
  usage: "usage error: no or unknown command, unknown flag, missing or malformed id, bad value",
  authentication: "authentication error: no credentials, or Atlas rejected them (401/403)",
  notFound: "not found: no such project, cluster, bucket, snapshot or export job (404)",
  apiOrNetwork:
    "any other API or network error (409, a bucket still in use, 429, 5xx, unreachable host, timeout); an unknown job state",
  interrupted: "interrupted with Ctrl-C; an export keeps running in Atlas",
  terminated: "terminated by SIGTERM; an export keeps running in Atlas",
} as const satisfies Record<keyof typeof EXIT_CODES, string>;
