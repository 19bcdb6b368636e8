import {
  AtlasExportFailedError,
  AtlasTimeoutError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  type AtlasClient,
} from "@atlas-export/client";
import type { BackupExportJob } from "@atlas-export/types";
import { createBarProgressReporter } from "./bar-progress-reporter.js";
import { describeFailure } from "./describe-failure.js";
import { EXIT_CODES } from "./exit-codes.js";
import { formatJobTable } from "./format-job-table.js";
import { formatProgress } from "./format-progress.js";
import { formatServerValue } from "./format-server-value.js";
import { formatStateReason } from "./format-state-reason.js";
import { createLineProgressReporter } from "./line-progress-reporter.js";
import { parseBaseUrl } from "./parse-base-url.js";
import {
  parseCommandLine,
  type JobCommandOptions,
  type OutputFormat,
  type WatchOptions,
} from "./parse-command-line.js";
import type { ProgressReporter, ReporterStream } from "./progress-reporter.js";
import { readJobState } from "./read-job-state.js";
import { CREDENTIAL_ENV, resolveCredentials } from "./resolve-credentials.js";
import { stripControlCharacters } from "./strip-control-characters.js";
import { UnknownJobStateError } from "./unknown-job-state-error.js";
import { UsageError } from "./usage-error.js";

/** Everything the CLI touches in the outside world, injectable so tests run it in-process. */
export interface CliEnvironment {
  /** Arguments after `node` and the script path. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: ReporterStream;
  stderr: ReporterStream;
  version: string;
  /**
   * Aborted on Ctrl-C or SIGTERM with the signal's name as the reason: the pending request and the wait
   * stop, and the command exits 143 for "SIGTERM", else 130.
   */
  signal?: AbortSignal;
  /** Milliseconds clock for elapsed times. */
  now?: () => number;
}

const DEFAULT_BASE_URL = "https://cloud.mongodb.com";

interface Session {
  options: JobCommandOptions;
  atlas: AtlasClient;
  output: OutputFormat;
  io: CliEnvironment;
}

function openSession(options: JobCommandOptions, baseUrl: string, io: CliEnvironment): Session {
  const { credentials, warnings } = resolveCredentials(options.credentials, io.env);
  for (const warning of warnings) io.stderr.write(`atlas-export: ${warning}\n`);
  const auth =
    credentials.kind === "serviceAccount"
      ? serviceAccountAuth({ clientId: credentials.clientId, clientSecret: credentials.clientSecret })
      : digestAuth({ publicKey: credentials.publicKey, privateKey: credentials.privateKey });
  const atlas = createAtlasClient({ auth, baseUrl, userAgent: `atlas-export-cli/${io.version}` });
  // A terminal gets a table, a pipe or file gets JSON (what scripts parse).
  const output = options.output ?? (io.stdout.isTTY ? "table" : "json");
  return { options, atlas, output, io };
}

/** `--base-url`, else `MONGODB_ATLAS_BASE_URL` (checked the same way), else Atlas. */
function resolveBaseUrl(options: JobCommandOptions, env: CliEnvironment["env"]): string {
  if (options.baseUrl !== undefined) return options.baseUrl;
  const fromEnv = env[CREDENTIAL_ENV.baseUrl];
  return fromEnv ? parseBaseUrl(fromEnv, CREDENTIAL_ENV.baseUrl) : DEFAULT_BASE_URL;
}

function params(options: JobCommandOptions) {
  return { groupId: options.groupId, clusterName: options.clusterName, exportId: options.exportId };
}

/**
 * Prints the job on stdout. With --envelope the JSON is Atlas's `{status, content}` wrapper: the client
 * asked for it (`envelope=true`), checked `status` and handed back `content`, so a resolved call was 200.
 * JSON is printed exactly as received; only the table is made terminal-safe.
 */
function printJob(session: Session, job: BackupExportJob): void {
  const { stdout } = session.io;
  if (session.output === "json") {
    const body = session.options.envelope ? { status: 200, content: job } : job;
    stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    stdout.write(formatJobTable(job, session.options.envelope ? [["Envelope status", "200"]] : []));
  }
}

function jobLabel(session: Session, job: BackupExportJob): string {
  return formatServerValue(job.id) ?? session.options.exportId;
}

function reportEnded(session: Session, job: BackupExportJob): void {
  const reason = formatStateReason(job);
  session.io.stderr.write(
    `atlas-export: export job ${jobLabel(session, job)} ended ${readJobState(job).label}${reason ? `: ${reason}` : " (Atlas gave no reason)"}\n`,
  );
}

function reportUnknownState(session: Session, job: BackupExportJob): void {
  session.io.stderr.write(
    `atlas-export: export job ${jobLabel(session, job)} is in a state this version does not know: ${readJobState(job).label}.\n` +
      "Atlas may have added a state; check the job in the Atlas UI, or update atlas-export.\n",
  );
}

/**
 * `get` succeeded when it printed the job, whatever state the job is in (as the Atlas CLI's `describe`);
 * only a state the spec does not define is not a success: scripts must not take it for one.
 */
async function runGet(session: Session): Promise<number> {
  const job = await session.atlas.getBackupExportJob(params(session.options), {
    envelope: session.options.envelope,
    ...(session.io.signal ? { signal: session.io.signal } : {}),
  });
  printJob(session, job);
  if (readJobState(job).known !== undefined) return EXIT_CODES.success;
  reportUnknownState(session, job);
  return EXIT_CODES.apiOrNetwork;
}

async function runWatch(session: Session, options: WatchOptions): Promise<number> {
  const { io } = session;
  // Progress goes to stderr so stdout carries only the final job (pipe it to jq while watching the bar).
  const reporterOptions = { stream: io.stderr, ...(io.now ? { now: io.now } : {}) };
  const reporter: ProgressReporter = io.stderr.isTTY
    ? createBarProgressReporter(reporterOptions)
    : createLineProgressReporter(reporterOptions);
  let last: BackupExportJob | undefined;
  try {
    const job = await session.atlas.waitForBackupExportJob(params(options), {
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: options.maxPollIntervalMs }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(io.signal ? { signal: io.signal } : {}),
      envelope: session.options.envelope,
      onProgress: (polled: BackupExportJob) => {
        last = polled;
        reporter.update(polled);
        // A state the spec does not define may never end: stop rather than poll it forever.
        if (readJobState(polled).known === undefined) throw new UnknownJobStateError(polled);
      },
    });
    reporter.update(job);
    reporter.stop();
    printJob(session, job);
    return EXIT_CODES.success;
  } catch (error) {
    reporter.stop();
    if (error instanceof UnknownJobStateError) {
      printJob(session, error.job);
      reportUnknownState(session, error.job);
      return EXIT_CODES.apiOrNetwork;
    }
    if (error instanceof AtlasTimeoutError && error.timeoutMs === options.timeoutMs)
      throw new UsageError(
        `timed out: export job ${options.exportId} did not finish within --timeout ${options.timeoutMs / 1000} s` +
          (last ? ` (last seen ${readJobState(last).label}, ${formatProgress(last)}).` : " (no answer yet)."),
        {
          exitCode: EXIT_CODES.apiOrNetwork,
          hint: "The export job keeps running in Atlas; run the command again, or raise --timeout.",
        },
      );
    if (!(error instanceof AtlasExportFailedError)) throw error;
    reporter.update(error.job);
    reporter.stop();
    printJob(session, error.job);
    reportEnded(session, error.job);
    return EXIT_CODES.exportFailed;
  } finally {
    reporter.stop();
  }
}

/** Runs `atlas-export` with these arguments and returns the exit code; never throws. */
export async function runCli(io: CliEnvironment): Promise<number> {
  let session: Session | undefined;
  let baseUrl = DEFAULT_BASE_URL;
  try {
    const commandLine = parseCommandLine(io.argv);
    if (commandLine.command === "help") {
      io.stdout.write(commandLine.text);
      return EXIT_CODES.success;
    }
    if (commandLine.command === "version") {
      io.stdout.write(`${io.version}\n`);
      return EXIT_CODES.success;
    }
    baseUrl = resolveBaseUrl(commandLine.options, io.env);
    session = openSession(commandLine.options, baseUrl, io);
    return commandLine.command === "get"
      ? await runGet(session)
      : await runWatch(session, commandLine.options);
  } catch (error) {
    const failure = describeFailure(error, { baseUrl, abortReason: io.signal?.reason });
    io.stderr.write(`atlas-export: ${failure.message}\n`);
    if (failure.hint) io.stderr.write(`${failure.hint}\n`);
    if (failure.stack) io.stderr.write(`${failure.stack}\n`);
    return failure.exitCode;
  } finally {
    await closeQuietly(session, io);
  }
}

/** Revokes a service-account token; a failure there must not hide the command's own result. */
async function closeQuietly(session: Session | undefined, io: CliEnvironment): Promise<void> {
  try {
    await session?.atlas.close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `atlas-export: warning: could not revoke the access token: ${stripControlCharacters(message)}\n`,
    );
  }
}
