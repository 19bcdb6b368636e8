import { AtlasError } from "./atlas-error.js";

/** The request never got an HTTP answer (DNS, refused or reset connection, TLS). Has no status. */
export class AtlasConnectionError extends AtlasError {
  override name = "AtlasConnectionError";
  /**
   * The system error code when there was one (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, …); on Deno, whose
   * TLS errors carry none, the certificate error's name from the message (`UnknownIssuer`, …).
   */
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: string | undefined } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
