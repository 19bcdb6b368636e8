import type { AuthTarget } from "./auth-scheme.js";
import type { Attempt } from "./transport.js";

/**
 * The `AuthTarget` of a getBackupExportJob attempt. Its signal is the attempt's, read only by a scheme that
 * has to wait (for a token or the first challenge), so the usual call never makes it (see AttemptState).
 */
export class DirectAuthTarget implements AuthTarget {
  readonly method = "GET";
  constructor(
    readonly url: string,
    private readonly attempt: Attempt,
    readonly allowInsecure: boolean,
    readonly baseUrl: string,
    readonly fetch: (input: Request) => Promise<Response>,
  ) {}

  get signal(): AbortSignal {
    return this.attempt.signal;
  }
}
