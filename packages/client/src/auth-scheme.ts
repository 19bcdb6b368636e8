/** The headers of an answer, as much of them as authentication and error reporting read. */
export interface HeaderReader {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/** An HTTP answer as an auth scheme sees it: a `Response`, or the client's own already-read answer. */
export interface AuthAnswer {
  readonly status: number;
  readonly headers: HeaderReader;
  text(): Promise<string>;
}

/** The request an auth scheme is asked to authorize. */
export interface AuthTarget {
  method: string;
  url: string;
  /** Waiting for a token or a shared challenge ends when this aborts. */
  signal: AbortSignal;
  /** Credentials may go over plain `http://` to a host that is not loopback. */
  allowInsecure: boolean;
  /** The API's base URL (the default token and revoke endpoints hang off it). */
  baseUrl: string;
  /** How the scheme's own requests (token, revoke) are sent. */
  fetch: (input: Request) => Promise<Response>;
}

/** What `authorize` decided for one request; handed back to `complete` and `abandon`. */
export interface AuthTicket {
  /** The `Authorization` value to send, or `undefined` to send the request without one. */
  authorization: string | undefined;
}

/**
 * The transport-neutral heart of an auth strategy: the same logic serves the openapi-fetch middleware
 * (`authMiddleware`, for `atlas.raw` and any openapi-fetch client) and the client's direct path, which
 * sends `getBackupExportJob` without building `Request`/`Response` objects.
 */
export interface AuthScheme<Ticket extends AuthTicket = AuthTicket> {
  authorize(target: AuthTarget): Ticket | Promise<Ticket>;
  /**
   * Called with the answer to an authorized request. Resolves with the answer the caller should use: the
   * same one, or the answer to a request sent again through `resend` with new credentials (after a 401).
   * Throws `AtlasAuthError` when the credentials are rejected for good.
   */
  complete<A extends AuthAnswer>(
    ticket: Ticket,
    answer: A,
    resend: (authorization: string) => Promise<A>,
  ): Promise<A>;
  /** The request failed before an answer arrived (or was not sent): release what the ticket holds. */
  abandon(ticket: Ticket): void;
  close(): Promise<void>;
  /**
   * Resolves once `authorize` can run without loading code, or returns `undefined` when it already can.
   * The client awaits it before an attempt starts its timer, so loading a scheme never counts against the
   * attempt's timeout (nor does a fake clock, advanced while the program waits on I/O, fire that timeout).
   */
  prepare?(): Promise<void> | undefined;
}

/** The property under which `digestAuth` and `serviceAccountAuth` carry their scheme. */
export const AUTH_SCHEME: unique symbol = Symbol.for("@atlas-export/client.authScheme");

/** The scheme of one of this package's auth middlewares, or `undefined` for any other middleware. */
export function authSchemeOf(auth: object | undefined): AuthScheme | undefined {
  return (auth as { [AUTH_SCHEME]?: AuthScheme } | undefined)?.[AUTH_SCHEME];
}
