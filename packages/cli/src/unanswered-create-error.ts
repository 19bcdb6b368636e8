import { AtlasTimeoutError } from "@atlas-export/client";

/**
 * A create request (a POST) got no answer in time. The client does not send it again, because Atlas may
 * have carried it out and a second one could start a second export; for the same reason the user must
 * look before running the command again, which is what the CLI tells them.
 */
export class UnansweredCreateError extends Error {
  override readonly name = "UnansweredCreateError";
  /** What was being created, e.g. "export job". */
  readonly subject: string;
  /** The command that shows whether it was created, e.g. `atlas-export jobs list --cluster-name Cluster0`. */
  readonly listCommand: string;
  /** The limit the request ran into. */
  readonly timeoutMs: number;

  constructor(subject: string, listCommand: string, cause: AtlasTimeoutError) {
    super(`no answer to the request creating the ${subject}`, { cause });
    this.subject = subject;
    this.listCommand = listCommand;
    this.timeoutMs = cause.timeoutMs;
  }

  /** Rethrows `error`, as an UnansweredCreateError when it is the create request's timeout. */
  static rethrow(error: unknown, subject: string, listCommand: string): never {
    throw error instanceof AtlasTimeoutError ? new UnansweredCreateError(subject, listCommand, error) : error;
  }
}
