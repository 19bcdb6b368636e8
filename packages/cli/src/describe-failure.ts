import {
  AtlasAbortError,
  AtlasApiError,
  AtlasAuthError,
  AtlasConnectionError,
  AtlasError,
  AtlasExportFailedError,
  AtlasTimeoutError,
  AtlasValidationError,
  stripControlCharacters,
} from "@atlas-export/client";
import { ATLAS_ENV } from "./atlas-env.js";
import { EXIT_CODES } from "./exit-codes.js";
import { formatServerValue } from "./format-server-value.js";
import { jobEndedMessage } from "./job-messages.js";
import { nameCliFlags } from "./name-cli-flags.js";
import { REQUEST_LIMITS } from "./request-limits.js";
import { UncertainCreateError } from "./uncertain-create-error.js";
import { UsageError } from "./usage-error.js";

/** What the CLI prints for a failure and how it exits. */
export interface Failure {
  exitCode: number;
  message: string;
  hint?: string;
  /** Only for bugs: expected failures are explained in words, never with a stack trace. */
  stack?: string;
}

export interface FailureContext {
  baseUrl: string;
  /** The reason the CLI's abort signal carries: the name of the signal that stopped it. */
  abortReason?: unknown;
}

/** An error's message made terminal-safe: Atlas's `detail` and other server text end up in messages. */
function safeMessage(error: Error): string {
  return stripControlCharacters(error.message);
}

const CREDENTIALS_HINT =
  `Check the credentials (${ATLAS_ENV.clientId}/${ATLAS_ENV.clientSecret} or ` +
  `${ATLAS_ENV.publicKey}/${ATLAS_ENV.privateKey}): they must be current, have at least ` +
  "Project Read Only access to this project, and the API access list must allow this machine's IP address.";

const NETWORK_HINT =
  `Check --base-url or ${ATLAS_ENV.baseUrl}, your network connection and any proxy settings ` +
  "(HTTPS_PROXY, HTTP_PROXY, NO_PROXY).";

/** The host:port the CLI talks to, for messages (never the userinfo of a URL). */
function hostOf(baseUrl: string): string {
  return URL.canParse(baseUrl) ? new URL(baseUrl).host : "Atlas";
}

/** "30 s", "0.2 s": the CLI speaks in the seconds its flags take, the client in milliseconds. */
function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

const NOT_FOUND_HINT =
  "Check --project-id and the other ids on the command line (they are case-sensitive), and that the " +
  "credentials belong to an organization that can see this project.";

// atlas-export cannot list a project's clusters, so the hint says what the name must be instead.
const CLUSTER_NOT_FOUND_HINT =
  "Check --cluster-name: a cluster name is case-sensitive (as the Atlas UI shows it) and the cluster must " +
  "exist in the project given by --project-id.";

/**
 * A 409 in Atlas's own words, short and terminal-safe (a hostile `detail` must not flood the terminal),
 * rather than the client's message, which names client methods a CLI user cannot call.
 */
function conflictMessage(error: AtlasApiError): string {
  // The fields hold what the server sent, which need not be the strings the spec promises.
  const short = (value: unknown, max: number) =>
    formatServerValue(typeof value === "string" && value.length > max ? `${value.slice(0, max)}…` : value);
  const code = short(error.errorCode, 100) || "CONFLICT";
  const detail =
    short(error.detail, 300) || "an export of this snapshot to this bucket is already queued or running.";
  return `Atlas answered 409 ${code}: ${detail}`;
}

const BUCKET_IN_USE = "EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE";

function retryAfter(headers: Record<string, string>): string | undefined {
  const value = headers["retry-after"];
  return value === undefined ? undefined : `Atlas asked to wait ${value} s before trying again.`;
}

function fromApiError(error: AtlasApiError): Failure {
  const message = `Atlas answered ${safeMessage(error)}`;
  if (error.status === 401 || error.status === 403)
    return { exitCode: EXIT_CODES.authentication, message, hint: CREDENTIALS_HINT };
  if (error.status === 404)
    return {
      exitCode: EXIT_CODES.notFound,
      message,
      hint: error.errorCode === "CLUSTER_NOT_FOUND" ? CLUSTER_NOT_FOUND_HINT : NOT_FOUND_HINT,
    };
  // Atlas refuses to delete a bucket that a Queued or InProgress export still writes to with a 400; the
  // command line was right, the bucket's state was not (mongodb/terraform-provider-mongodbatlas#2325).
  if (error.status === 400 && error.errorCode === BUCKET_IN_USE)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message,
      hint: "An export to this bucket is still running: follow it with `atlas-export jobs list` and delete the bucket once it has finished.",
    };
  if (error.status === 400)
    return {
      exitCode: EXIT_CODES.usage,
      message,
      hint: "Check the ids and options given on the command line.",
    };
  // Only createBackupExportJob answers 409 (a second export of a snapshot to a bucket while one runs).
  if (error.status === 409)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message: conflictMessage(error),
      hint:
        "Follow the export that is running with `atlas-export jobs list` and `atlas-export jobs watch " +
        "--export-id ID` instead of starting another.",
    };
  if (error.status === 429)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message,
      hint: retryAfter(error.headers) ?? "Atlas is rate-limiting these credentials; try again in a minute.",
    };
  if (error.status >= 500)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message,
      hint: `Atlas (or a proxy in front of it) failed${error.requestId ? ` (request id ${error.requestId})` : ""}; try again later.`,
    };
  return { exitCode: EXIT_CODES.apiOrNetwork, message };
}

/**
 * A create that may have been carried out: what went wrong, that it was sent once, and to look before
 * running the command again (a second run could create a second bucket or export).
 */
function uncertainCreate(error: UncertainCreateError, context: FailureContext): Failure {
  const look = `The ${error.subject} may have been created: look at \`${error.listCommand}\` before running the command again.`;
  const { cause } = error;
  if (cause instanceof AtlasTimeoutError) {
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message:
        `timed out: no answer from ${hostOf(context.baseUrl)} within ${seconds(cause.timeoutMs)} to the ` +
        `request creating the ${error.subject}; it was sent once, as sending it again could create a second one.`,
      hint: `${look}\n${NETWORK_HINT}`,
    };
  }
  if (cause instanceof AtlasAbortError) {
    return {
      ...describeFailure(cause, context),
      message: `interrupted while creating the ${error.subject}.`,
      hint: look,
    };
  }
  const failure = describeFailure(cause, context);
  return {
    exitCode: failure.exitCode,
    message: `${failure.message} (the request creating the ${error.subject} was sent once)`,
    hint: cause instanceof AtlasConnectionError ? `${look}\n${NETWORK_HINT}` : look,
  };
}

/** Maps anything `get`/`watch` can throw to an exit code and a message that says what to do. */
export function describeFailure(error: unknown, context: FailureContext): Failure {
  if (error instanceof UsageError)
    return { exitCode: error.exitCode, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  if (error instanceof AtlasExportFailedError)
    return { exitCode: EXIT_CODES.exportFailed, message: jobEndedMessage(error.job, "") };
  if (error instanceof AtlasValidationError) {
    // A JSON pointer names a field of Atlas's response, not something the user typed.
    if (error.parameter.startsWith("/"))
      return {
        exitCode: EXIT_CODES.apiOrNetwork,
        message: `Atlas sent a response that does not match the API spec: ${safeMessage(error)}`,
      };
    // The client's message names its own option (allowInsecureHttp), which the CLI deliberately lacks.
    if (error.parameter === "allowInsecureHttp")
      return {
        exitCode: EXIT_CODES.usage,
        message: `refusing to send credentials over plain http:// to ${context.baseUrl}.`,
        hint: "Use an https:// base URL; http:// is accepted only for loopback hosts such as a local emulator.",
      };
    return {
      exitCode: EXIT_CODES.usage,
      message: safeMessage(error),
      hint: "Run `atlas-export --help` for usage.",
    };
  }
  if (error instanceof AtlasAuthError)
    return {
      exitCode: EXIT_CODES.authentication,
      message: `authentication failed: ${safeMessage(error)}`,
      hint:
        error.retryAfterMs !== undefined
          ? `Atlas asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s before asking for a token again.`
          : CREDENTIALS_HINT,
    };
  if (error instanceof AtlasApiError) return fromApiError(error);
  if (error instanceof AtlasConnectionError)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      // The client's message usually names the host it could not reach already; say it once.
      message: nameCliFlags(
        /could not reach/i.test(error.message)
          ? safeMessage(error)
          : `could not reach ${context.baseUrl}: ${safeMessage(error)}`,
      ),
      hint: NETWORK_HINT,
    };
  if (error instanceof UncertainCreateError) return uncertainCreate(error, context);
  // watch's own --timeout is reported by watchExportJob; this is one request's limit, met on every attempt
  // (reads and deletes; a create's ends as UncertainCreateError above).
  if (error instanceof AtlasTimeoutError)
    return {
      exitCode: EXIT_CODES.apiOrNetwork,
      message:
        `timed out: no answer from ${hostOf(context.baseUrl)} within ${seconds(error.timeoutMs)}; ` +
        `gave up after ${1 + REQUEST_LIMITS.maxRetries} attempts.`,
      hint: NETWORK_HINT,
    };
  if (error instanceof AtlasAbortError)
    return {
      exitCode: context.abortReason === "SIGTERM" ? EXIT_CODES.terminated : EXIT_CODES.interrupted,
      // What keeps running (an export being watched, a create that may have been sent) is said by the
      // command that knows: watchExportJob and uncertainCreate.
      message: "interrupted.",
    };
  if (error instanceof AtlasError) return { exitCode: EXIT_CODES.apiOrNetwork, message: safeMessage(error) };
  const bug = error instanceof Error ? error : new Error(String(error));
  return {
    exitCode: EXIT_CODES.apiOrNetwork,
    message: `unexpected error: ${safeMessage(bug)}`,
    hint: "This is a bug in atlas-export; please report it with the command you ran (without secrets).",
    ...(bug.stack ? { stack: bug.stack.split("\n").map(stripControlCharacters).join("\n") } : {}),
  };
}
