import { AtlasError } from "./atlas-error.js";

/**
 * Authentication failed: Atlas rejected the API key or the service-account token, or the token endpoint
 * refused to mint or revoke one. Never contains a secret.
 */
export class AtlasAuthError extends AtlasError {
  override name = "AtlasAuthError";
  /** The HTTP status that ended the attempt, when there was one. */
  readonly status: number | undefined;
  /** `errorCode` of an Atlas error or OAuth `error` of the token endpoint (`invalid_client`, …). */
  readonly errorCode: string | undefined;
  /** Milliseconds the server asked to wait (`Retry-After`) before trying again, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    init: {
      status?: number | undefined;
      errorCode?: string | undefined;
      retryAfterMs?: number | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.retryAfterMs = init.retryAfterMs;
  }
}
