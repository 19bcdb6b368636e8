import { parseArgs, type ParseArgsConfig } from "node:util";
import type { CliCommand } from "./cli-command.js";
import type { CliOption } from "./cli-option.js";
import { formatCommandHelp, formatGroupHelp, formatRootHelp } from "./format-help.js";
import { helpHint } from "./help-hint.js";
import { OptionValues } from "./option-values.js";
import { ATLAS_OPTIONS, OPTIONS } from "./options.js";
import { quoteInput } from "./quote-input.js";
import type { CredentialFlags } from "./resolve-credentials.js";
import { UsageError } from "./usage-error.js";

export type CommandLine =
  | { kind: "help"; text: string }
  | { kind: "version" }
  | { kind: "run"; command: CliCommand; values: OptionValues; credentials: CredentialFlags };

type Env = Readonly<Record<string, string | undefined>>;

const HELP_FLAGS = ["-h", "--help"];

/** The command named by the first one or two words, by name or alias. */
function findCommand(
  words: readonly string[],
  commands: readonly CliCommand[],
): { command: CliCommand; length: number } | undefined {
  for (const length of [2, 1]) {
    const typed = words.slice(0, length).join(" ");
    if (words.length < length) continue;
    const command = commands.find(
      (candidate) => candidate.name === typed || candidate.aliases?.includes(typed),
    );
    if (command) return { command, length };
  }
  return undefined;
}

function commandNames(commands: readonly CliCommand[]): string {
  return commands.flatMap((command) => [command.name, ...(command.aliases ?? [])]).join(", ");
}

/**
 * Joins `--flag -1` into `--flag=-1` for options that take a value, so a negative number reaches the
 * option's own check ("must be a positive number") instead of parseArgs' "ambiguous" complaint.
 */
function joinDashValues(args: readonly string[], config: NonNullable<ParseArgsConfig["options"]>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const next = args[index + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name && config[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else joined.push(arg);
  }
  return joined;
}

function parseArgsConfig(options: readonly CliOption[]): NonNullable<ParseArgsConfig["options"]> {
  const config: NonNullable<ParseArgsConfig["options"]> = {};
  for (const option of options) {
    const entry = {
      type: option.placeholder ? ("string" as const) : ("boolean" as const),
      ...(option.multiple ? { multiple: true } : {}),
    };
    config[option.flag] = option.short ? { ...entry, short: option.short } : entry;
    if (option.alias) config[option.alias] = entry;
  }
  return config;
}

/** Runs an option's check, adding the command's help hint to errors that bring none. */
function check(option: CliOption, raw: string, source: string, typed: string): unknown {
  try {
    return option.parse ? option.parse(raw, source) : raw;
  } catch (error) {
    if (error instanceof UsageError && error.hint === undefined)
      throw new UsageError(error.message, { exitCode: error.exitCode, hint: helpHint(typed) });
    throw error;
  }
}

/** Reads one option from the parsed flags, its alias or its variable; undefined when absent. */
function readOption(option: CliOption, parsed: Record<string, unknown>, env: Env, typed: string): unknown {
  const given = parsed[option.flag];
  const aliased = option.alias ? parsed[option.alias] : undefined;
  if (given !== undefined && aliased !== undefined && given !== aliased)
    throw new UsageError(`--${option.flag} and --${option.alias} name the same thing but differ; give one.`, {
      hint: helpHint(typed),
    });
  const value = given ?? aliased;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((raw: string) => check(option, raw, `--${option.flag}`, typed));
  if (typeof value === "string") return check(option, value, `--${option.flag}`, typed);
  const fromEnv = option.env ? env[option.env] : undefined;
  if (option.env && fromEnv) return check(option, fromEnv, option.env, typed);
  if (option.required)
    throw new UsageError(
      `missing --${option.flag}${option.env ? ` (or ${option.env})` : ""}: ${option.help}.`,
      { hint: helpHint(typed) },
    );
  return undefined;
}

/** `typed` is the command as the user typed it (`get` or `jobs describe`): hints repeat it. */
function parseCommandOptions(command: CliCommand, typed: string, args: string[], env: Env): CommandLine {
  const options = [...command.options, ...ATLAS_OPTIONS];
  const config = parseArgsConfig(options);
  let parsed: Record<string, unknown>;
  try {
    parsed = parseArgs({
      args: joinDashValues(args, config),
      options: config,
      strict: true,
      allowPositionals: false,
    }).values as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new UsageError(message || "invalid arguments", { hint: helpHint(typed) });
  }
  if (parsed[OPTIONS.help.flag]) return { kind: "help", text: formatCommandHelp(command) };
  const values = new Map<string, unknown>();
  for (const option of options) {
    const value = readOption(option, parsed, env, typed);
    if (value !== undefined) values.set(option.flag, value);
  }
  const read = new OptionValues(values);
  const credentials: CredentialFlags = {};
  const clientId = read.optionalString(OPTIONS.clientId);
  if (clientId !== undefined) credentials.clientId = clientId;
  const clientSecret = read.optionalString(OPTIONS.clientSecret);
  if (clientSecret !== undefined) credentials.clientSecret = clientSecret;
  const publicKey = read.optionalString(OPTIONS.publicKey);
  if (publicKey !== undefined) credentials.publicKey = publicKey;
  const privateKey = read.optionalString(OPTIONS.privateKey);
  if (privateKey !== undefined) credentials.privateKey = privateKey;
  return { kind: "run", command, values: read, credentials };
}

/**
 * Reads `atlas-export`'s arguments (without `node` and the script path) against the command table.
 * Throws a {@link UsageError} naming the flag and what to type instead.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Env,
  commands: readonly CliCommand[],
): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined)
    throw new UsageError("missing command.", { hint: formatRootHelp(commands).trimEnd() });
  if (first === "help" || HELP_FLAGS.includes(first)) {
    const found = first === "help" ? findCommand(rest, commands) : undefined;
    return { kind: "help", text: found ? formatCommandHelp(found.command) : formatRootHelp(commands) };
  }
  if (first === "-V" || first === "--version" || first === "version") return { kind: "version" };

  const leading = argv.findIndex((word) => word.startsWith("-"));
  const words = argv.slice(0, Math.min(2, leading === -1 ? argv.length : leading));
  const found = findCommand(words, commands);
  if (found)
    return parseCommandOptions(
      found.command,
      words.slice(0, found.length).join(" "),
      argv.slice(found.length),
      env,
    );

  if (first.startsWith("-"))
    throw new UsageError(`${quoteInput(first)} must come after a command (${commandNames(commands)}).`, {
      hint: helpHint(),
    });
  const group = commands.filter((command) => command.name.startsWith(`${first} `));
  if (group.length > 0) {
    const second = rest[0];
    if (second !== undefined && HELP_FLAGS.includes(second))
      return { kind: "help", text: formatGroupHelp(first, group) };
    throw new UsageError(
      second === undefined || second.startsWith("-")
        ? `missing ${first} command: use ${group.map((command) => command.name).join(", ")}.`
        : `unknown command ${quoteInput(`${first} ${second}`)}: use ${group.map((command) => command.name).join(", ")}.`,
      { hint: helpHint(first) },
    );
  }
  throw new UsageError(`unknown command ${quoteInput(first)}: use ${commandNames(commands)}.`, {
    hint: helpHint(),
  });
}
