import {
  AtlasAbortError,
  AtlasApiError,
  AtlasConnectionError,
  AtlasTimeoutError,
  type AtlasError,
} from "@atlas-export/client";

/** Connection failures after the request may have reached Atlas (unlike refused, DNS, TLS or proxy ones). */
const DROPPED = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/**
 * Whether a create (a POST) may have been carried out although it failed: no answer in time, an interrupt, a connection
 * dropped after it was sent, a 5xx (other than a 503 with Retry-After, which says it was not processed) or
 * a body cut off mid-answer. The client does not send such a create again (GUIDE §3), and neither may the
 * user without looking first.
 */
function mayHaveBeenCarriedOut(error: unknown): error is AtlasError {
  // Interrupted (Ctrl-C, SIGTERM) with the request possibly on the wire: as unknown as a timeout.
  if (error instanceof AtlasTimeoutError || error instanceof AtlasAbortError) return true;
  if (error instanceof AtlasConnectionError) return error.code !== undefined && DROPPED.has(error.code);
  if (!(error instanceof AtlasApiError)) return false;
  if (error.errorCode === "TRUNCATED_RESPONSE") return true;
  return error.status >= 500 && !(error.status === 503 && error.headers["retry-after"] !== undefined);
}

/**
 * A create request failed in a way that leaves open whether Atlas carried it out; the CLI then tells the
 * user to look (`listCommand`) before running the command again, which could create a second one.
 */
export class UncertainCreateError extends Error {
  override readonly name = "UncertainCreateError";
  /** What was being created, e.g. "export job". */
  readonly subject: string;
  /** The command that shows whether it was created, e.g. `atlas-export jobs list --cluster-name Cluster0`. */
  readonly listCommand: string;
  /** Why it failed: a timeout, an interrupt, a dropped connection or an error answer. */
  override readonly cause: AtlasError;

  constructor(subject: string, listCommand: string, cause: AtlasError) {
    super(`the request creating the ${subject} failed after it may have reached Atlas`, { cause });
    this.subject = subject;
    this.listCommand = listCommand;
    this.cause = cause;
  }

  /** Rethrows `error`, as an UncertainCreateError when the create may have been carried out. */
  static rethrow(error: unknown, subject: string, listCommand: string): never {
    throw mayHaveBeenCarriedOut(error) ? new UncertainCreateError(subject, listCommand, error) : error;
  }
}
