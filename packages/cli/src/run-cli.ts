import {
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
  stripControlCharacters,
  type AtlasClient,
} from "@atlas-export/client";
import { askConfirmation } from "./ask-confirmation.js";
import type { CliCommand, CommandInput } from "./cli-command.js";
import { COMMAND_TABLE } from "./command-table.js";
import { describeFailure } from "./describe-failure.js";
import { EXIT_CODES } from "./exit-codes.js";
import { OPTIONS } from "./options.js";
import { parseCommandLine } from "./parse-command-line.js";
import type { ReporterStream } from "./progress-reporter.js";
import { REQUEST_LIMITS } from "./request-limits.js";
import { requestLog } from "./request-log.js";
import { resolveCredentials, type CredentialFlags } from "./resolve-credentials.js";

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
  /** Where confirmations are read from (`buckets delete` without --force). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The commands to dispatch to (default: all of them). */
  commands?: readonly CliCommand[];
  /** Each request's limit in milliseconds (default REQUEST_LIMITS.timeoutMs); tests meet a silent host sooner. */
  requestTimeoutMs?: number;
}

const DEFAULT_BASE_URL = "https://cloud.mongodb.com";

function openClient(
  credentialFlags: CredentialFlags,
  baseUrl: string,
  ca: string | undefined,
  verbose: boolean,
  io: CliEnvironment,
): AtlasClient {
  const { credentials, warnings } = resolveCredentials(credentialFlags, io.env);
  for (const warning of warnings) io.stderr.write(`atlas-export: ${warning}\n`);
  const auth =
    credentials.kind === "serviceAccount"
      ? serviceAccountAuth({ clientId: credentials.clientId, clientSecret: credentials.clientSecret })
      : digestAuth({ publicKey: credentials.publicKey, privateKey: credentials.privateKey });
  return createAtlasClient({
    auth,
    baseUrl,
    userAgent: `atlas-export-cli/${io.version}`,
    timeoutMs: io.requestTimeoutMs ?? REQUEST_LIMITS.timeoutMs,
    retry: { maxRetries: REQUEST_LIMITS.maxRetries },
    ...(ca === undefined ? {} : { ca }),
    ...(verbose ? { middleware: [requestLog((line) => io.stderr.write(line), io.now)] } : {}),
  });
}

/** Runs `atlas-export` with these arguments and returns the exit code; never throws. */
export async function runCli(io: CliEnvironment): Promise<number> {
  let atlas: AtlasClient | undefined;
  let baseUrl = DEFAULT_BASE_URL;
  try {
    const commandLine = parseCommandLine(io.argv, io.env, io.commands ?? COMMAND_TABLE);
    if (commandLine.kind === "help") {
      io.stdout.write(commandLine.text);
      return EXIT_CODES.success;
    }
    if (commandLine.kind === "version") {
      io.stdout.write(`${io.version}\n`);
      return EXIT_CODES.success;
    }
    const { command, values, credentials } = commandLine;
    baseUrl = values.optionalString(OPTIONS.baseUrl) ?? DEFAULT_BASE_URL;
    atlas = openClient(
      credentials,
      baseUrl,
      values.optionalString(OPTIONS.caFile),
      values.flag(OPTIONS.verbose),
      io,
    );
    const output = values.optionalString(OPTIONS.output);
    const input: CommandInput = {
      values,
      atlas,
      // A terminal gets a table, a pipe or file gets JSON (what scripts parse).
      output: output === "json" || output === "table" ? output : io.stdout.isTTY ? "table" : "json",
      stdout: io.stdout,
      stderr: io.stderr,
      interactive: Boolean(io.stdin?.isTTY && io.stderr.isTTY),
      confirm: (question) =>
        io.stdin
          ? askConfirmation(question, {
              input: io.stdin,
              output: io.stderr,
              ...(io.signal ? { signal: io.signal } : {}),
            })
          : Promise.resolve(false),
      ...(io.signal ? { signal: io.signal } : {}),
      ...(io.now ? { now: io.now } : {}),
    };
    return await command.run(input);
  } catch (error) {
    const failure = describeFailure(error, { baseUrl, abortReason: io.signal?.reason });
    io.stderr.write(`atlas-export: ${failure.message}\n`);
    if (failure.hint) io.stderr.write(`${failure.hint}\n`);
    if (failure.stack) io.stderr.write(`${failure.stack}\n`);
    return failure.exitCode;
  } finally {
    await closeQuietly(atlas, io);
  }
}

/** Revokes a service-account token; a failure there must not hide the command's own result. */
async function closeQuietly(atlas: AtlasClient | undefined, io: CliEnvironment): Promise<void> {
  try {
    await atlas?.close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `atlas-export: warning: could not revoke the access token: ${stripControlCharacters(message)}\n`,
    );
  }
}
