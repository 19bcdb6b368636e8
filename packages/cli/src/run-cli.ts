import {
  AtlasExportFailedError,
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
import { formatStateReason } from "./format-state-reason.js";
import { createLineProgressReporter } from "./line-progress-reporter.js";
import {
  parseCommandLine,
  type JobCommandOptions,
  type OutputFormat,
  type WatchOptions,
} from "./parse-command-line.js";
import type { ProgressReporter, ReporterStream } from "./progress-reporter.js";
import { CREDENTIAL_ENV, resolveCredentials } from "./resolve-credentials.js";

/** Everything the CLI touches in the outside world, injectable so tests run it in-process. */
export interface CliEnvironment {
  /** Arguments after `node` and the script path. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: ReporterStream;
  stderr: ReporterStream;
  version: string;
  /** Aborted on Ctrl-C: the pending request and the wait stop, and the command exits 130. */
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

function openSession(options: JobCommandOptions, io: CliEnvironment): Session {
  const { credentials, warnings } = resolveCredentials(options.credentials, io.env);
  for (const warning of warnings) io.stderr.write(`atlas-export: ${warning}\n`);
  const baseUrl = options.baseUrl ?? (io.env[CREDENTIAL_ENV.baseUrl] || undefined);
  const auth =
    credentials.kind === "serviceAccount"
      ? serviceAccountAuth({ clientId: credentials.clientId, clientSecret: credentials.clientSecret })
      : digestAuth({ publicKey: credentials.publicKey, privateKey: credentials.privateKey });
  const atlas = createAtlasClient({
    auth,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    userAgent: `atlas-export-cli/${io.version}`,
  });
  // A terminal gets a table, a pipe or file gets JSON (what scripts parse).
  const output = options.output ?? (io.stdout.isTTY ? "table" : "json");
  return { options, atlas, output, io };
}

function params(options: JobCommandOptions) {
  return { groupId: options.groupId, clusterName: options.clusterName, exportId: options.exportId };
}

/**
 * Prints the job on stdout. With --envelope the JSON is Atlas's `{status, content}` wrapper: the client
 * asked for it (`envelope=true`), checked `status` and handed back `content`, so a resolved call was 200.
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

function isFailedOrCancelled(job: BackupExportJob): boolean {
  return job.state === "Failed" || job.state === "Cancelled";
}

function reportEnded(session: Session, job: BackupExportJob): void {
  const reason = formatStateReason(job);
  session.io.stderr.write(
    `atlas-export: export job ${job.id ?? session.options.exportId} ended ${job.state}${reason ? `: ${reason}` : " (Atlas gave no reason)"}\n`,
  );
}

async function runGet(session: Session): Promise<number> {
  const job = await session.atlas.getBackupExportJob(params(session.options), {
    envelope: session.options.envelope,
    ...(session.io.signal ? { signal: session.io.signal } : {}),
  });
  printJob(session, job);
  if (!isFailedOrCancelled(job)) return EXIT_CODES.success;
  reportEnded(session, job);
  return EXIT_CODES.exportFailed;
}

async function runWatch(session: Session, options: WatchOptions): Promise<number> {
  const { io } = session;
  // Progress goes to stderr so stdout carries only the final job (pipe it to jq while watching the bar).
  const reporterOptions = { stream: io.stderr, ...(io.now ? { now: io.now } : {}) };
  const reporter: ProgressReporter = io.stderr.isTTY
    ? createBarProgressReporter(reporterOptions)
    : createLineProgressReporter(reporterOptions);
  try {
    const job = await session.atlas.waitForBackupExportJob(params(options), {
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: options.maxPollIntervalMs }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(io.signal ? { signal: io.signal } : {}),
      envelope: session.options.envelope,
      onProgress: (polled: BackupExportJob) => reporter.update(polled),
    });
    reporter.update(job);
    reporter.stop();
    printJob(session, job);
    return EXIT_CODES.success;
  } catch (error) {
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
    baseUrl = commandLine.options.baseUrl ?? (io.env[CREDENTIAL_ENV.baseUrl] || DEFAULT_BASE_URL);
    session = openSession(commandLine.options, io);
    return commandLine.command === "get"
      ? await runGet(session)
      : await runWatch(session, commandLine.options);
  } catch (error) {
    const failure = describeFailure(error, { baseUrl });
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
    io.stderr.write(`atlas-export: warning: could not revoke the access token: ${message}\n`);
  }
}
