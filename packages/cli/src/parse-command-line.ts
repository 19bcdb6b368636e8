import { parseArgs, type ParseArgsConfig } from "node:util";
import { GET_HELP, ROOT_HELP, WATCH_HELP } from "./help-text.js";
import { parseBaseUrl } from "./parse-base-url.js";
import { UsageError } from "./usage-error.js";

export type OutputFormat = "json" | "table";

/** Credentials given as flags; each is absent unless typed on the command line. */
export interface CredentialFlags {
  clientId?: string;
  clientSecret?: string;
  publicKey?: string;
  privateKey?: string;
}

/** What `get` and `watch` share. */
export interface JobCommandOptions {
  groupId: string;
  clusterName: string;
  exportId: string;
  baseUrl?: string;
  /** Absent when not given: the caller picks table on a terminal and JSON otherwise. */
  output?: OutputFormat;
  envelope: boolean;
  credentials: CredentialFlags;
}

export interface WatchOptions extends JobCommandOptions {
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  timeoutMs?: number;
}

export type CommandLine =
  | { command: "help"; text: string }
  | { command: "version" }
  | { command: "get"; options: JobCommandOptions }
  | { command: "watch"; options: WatchOptions };

const JOB_OPTIONS = {
  "project-id": { type: "string" },
  "group-id": { type: "string" },
  "cluster-name": { type: "string" },
  "export-id": { type: "string" },
  "base-url": { type: "string" },
  output: { type: "string", short: "o" },
  envelope: { type: "boolean" },
  "client-id": { type: "string" },
  "client-secret": { type: "string" },
  "public-key": { type: "string" },
  "private-key": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const WATCH_OPTIONS = {
  ...JOB_OPTIONS,
  "poll-interval": { type: "string" },
  "max-poll-interval": { type: "string" },
  timeout: { type: "string" },
} as const satisfies ParseArgsConfig["options"];

// The spec fragment's path parameter patterns (spec/openapi.yaml), checked here so a typo is a usage
// error with a hint instead of a round trip to Atlas.
const HEX_ID = /^[a-f0-9]{24}$/;
const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;

/** Quotes what the user typed, shortened, so a pasted secret or a huge value never floods the terminal. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

function commandHint(command: string): string {
  return `Run \`atlas-export ${command} --help\` for usage.`;
}

function requireHexId(flag: string, value: string | undefined, command: string, what: string): string {
  if (value === undefined || value === "")
    throw new UsageError(`missing --${flag}: the ${what}.`, { hint: commandHint(command) });
  if (!HEX_ID.test(value))
    throw new UsageError(
      `--${flag} must be a 24-character lowercase hexadecimal id like 32b6e34b3d91647abb20e7b8; got ${quote(value)}.`,
      { hint: `Copy the ${what} from the Atlas UI or the Atlas Admin API.` },
    );
  return value;
}

function requireClusterName(value: string | undefined, command: string): string {
  if (value === undefined || value === "")
    throw new UsageError("missing --cluster-name: the name of the cluster the export belongs to.", {
      hint: commandHint(command),
    });
  if (value.length > 64 || !CLUSTER_NAME.test(value))
    throw new UsageError(
      `--cluster-name must be 1-64 letters, digits or hyphens, starting with a letter or digit; got ${quote(value)}.`,
      { hint: "Use the cluster name exactly as the Atlas UI shows it (for example Cluster0)." },
    );
  return value;
}

function parseOutput(value: string | undefined, command: string): OutputFormat | undefined {
  if (value === undefined) return undefined;
  if (value === "json" || value === "table") return value;
  throw new UsageError(`--output must be json or table; got ${quote(value)}.`, {
    hint: commandHint(command),
  });
}

/**
 * Node fires a timer of 2^31 ms or more after 1 ms, so every duration has a ceiling, said in the error.
 * Polling less than once an hour would hide the end of an export; a week outlasts any real export.
 */
export const DURATION_LIMITS_SECONDS = {
  "poll-interval": 3_600,
  "max-poll-interval": 3_600,
  timeout: 604_800,
} as const satisfies Record<string, number>;

/** Parses a positive number of seconds ("2", "0.5") into milliseconds, within the flag's limit. */
function parseSeconds(
  flag: keyof typeof DURATION_LIMITS_SECONDS,
  value: string | undefined,
  command: string,
): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  const limit = DURATION_LIMITS_SECONDS[flag];
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--${flag} must be a positive number of seconds; got ${quote(value)}.`, {
      hint: commandHint(command),
    });
  if (seconds > limit)
    throw new UsageError(`--${flag} must be at most ${limit} seconds; got ${quote(value)}.`, {
      hint: commandHint(command),
    });
  return Math.round(seconds * 1000);
}

function pickGroupId(values: { "project-id"?: string; "group-id"?: string }): string | undefined {
  const projectId = values["project-id"];
  const groupId = values["group-id"];
  if (projectId !== undefined && groupId !== undefined && projectId !== groupId)
    throw new UsageError(
      "--project-id and --group-id name the same thing (Atlas calls projects groups) but differ; give one.",
    );
  return projectId ?? groupId;
}

function credentialFlags(values: {
  "client-id"?: string;
  "client-secret"?: string;
  "public-key"?: string;
  "private-key"?: string;
}): CredentialFlags {
  const flags: CredentialFlags = {};
  if (values["client-id"] !== undefined) flags.clientId = values["client-id"];
  if (values["client-secret"] !== undefined) flags.clientSecret = values["client-secret"];
  if (values["public-key"] !== undefined) flags.publicKey = values["public-key"];
  if (values["private-key"] !== undefined) flags.privateKey = values["private-key"];
  return flags;
}

/**
 * Joins `--flag -1` into `--flag=-1` for string flags, so a negative number reaches the flag's own check
 * ("must be a positive number") instead of parseArgs' "ambiguous" complaint.
 */
function joinDashValues(args: readonly string[], options: NonNullable<ParseArgsConfig["options"]>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name && options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

/** Turns node's parseArgs errors (unknown flag, missing value) into one-line usage errors. */
function parse<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  command: string,
) {
  try {
    return parseArgs({ args: joinDashValues(args, options), options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(message ?? "invalid arguments", { hint: commandHint(command) });
  }
}

function jobOptions(
  values: ReturnType<typeof parse<typeof JOB_OPTIONS>>["values"],
  command: string,
): JobCommandOptions {
  const groupId = requireHexId("project-id", pickGroupId(values), command, "project (group) id");
  const clusterName = requireClusterName(values["cluster-name"], command);
  const exportId = requireHexId("export-id", values["export-id"], command, "export job id");
  const options: JobCommandOptions = {
    groupId,
    clusterName,
    exportId,
    envelope: values.envelope ?? false,
    credentials: credentialFlags(values),
  };
  const baseUrl =
    values["base-url"] === undefined ? undefined : parseBaseUrl(values["base-url"], "--base-url");
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  const output = parseOutput(values.output, command);
  if (output !== undefined) options.output = output;
  return options;
}

/**
 * Reads `atlas-export`'s arguments (without `node` and the script path). Throws a {@link UsageError}
 * naming the flag and what to type instead.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined)
    throw new UsageError("missing command: use get or watch.", { hint: ROOT_HELP.trimEnd() });
  if (first === "help") return { command: "help", text: ROOT_HELP };
  if (first === "-h" || first === "--help") return { command: "help", text: ROOT_HELP };
  if (first === "-V" || first === "--version" || first === "version") return { command: "version" };

  if (first === "get") {
    const { values } = parse(rest, JOB_OPTIONS, "get");
    if (values.help) return { command: "help", text: GET_HELP };
    return { command: "get", options: jobOptions(values, "get") };
  }

  if (first === "watch") {
    const { values } = parse(rest, WATCH_OPTIONS, "watch");
    if (values.help) return { command: "help", text: WATCH_HELP };
    const options: WatchOptions = jobOptions(values, "watch");
    const pollIntervalMs = parseSeconds("poll-interval", values["poll-interval"], "watch");
    if (pollIntervalMs !== undefined) options.pollIntervalMs = pollIntervalMs;
    const maxPollIntervalMs = parseSeconds("max-poll-interval", values["max-poll-interval"], "watch");
    if (maxPollIntervalMs !== undefined) options.maxPollIntervalMs = maxPollIntervalMs;
    const timeoutMs = parseSeconds("timeout", values.timeout, "watch");
    if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
    return { command: "watch", options };
  }

  throw new UsageError(
    first.startsWith("-")
      ? `${quote(first)} must come after a command (get or watch).`
      : `unknown command ${quote(first)}: use get or watch.`,
    { hint: "Run `atlas-export --help` for usage." },
  );
}
