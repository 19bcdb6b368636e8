import { ATLAS_ENV } from "./atlas-env.js";
import type { CliCommand } from "./cli-command.js";
import type { CliOption } from "./cli-option.js";
import { EXIT_CODE_MEANINGS, EXIT_CODES } from "./exit-codes.js";
import { ATLAS_OPTIONS } from "./options.js";

const CREDENTIALS = `Credentials (prefer the environment: command-line flags are visible in process lists):
  ${ATLAS_ENV.clientId}, ${ATLAS_ENV.clientSecret}          service account (OAuth client credentials)
  ${ATLAS_ENV.publicKey}, ${ATLAS_ENV.privateKey}   programmatic API key (HTTP Digest)
  ${ATLAS_ENV.projectId}                                      default for --project-id
  ${ATLAS_ENV.baseUrl}                                        default for --base-url`;

function exitCodes(): string {
  const lines = (Object.keys(EXIT_CODES) as Array<keyof typeof EXIT_CODES>).map(
    (name) => `  ${String(EXIT_CODES[name]).padEnd(3)}  ${EXIT_CODE_MEANINGS[name]}`,
  );
  return `Exit codes:\n${lines.join("\n")}`;
}

function optionSyntax(option: CliOption): string {
  const long = `--${option.flag}${option.placeholder ? ` ${option.placeholder}` : ""}`;
  return option.short ? `-${option.short}, ${long}` : `    ${long}`;
}

function optionHelp(option: CliOption): string {
  const notes = [
    option.required ? "required" : undefined,
    option.multiple ? "repeatable" : undefined,
    option.env ? `default $${option.env}` : undefined,
  ].filter(Boolean);
  return notes.length > 0 ? `${option.help} (${notes.join("; ")})` : option.help;
}

function optionList(options: readonly CliOption[]): string {
  const width = Math.max(...options.map((option) => optionSyntax(option).length));
  return options.map((option) => `  ${optionSyntax(option).padEnd(width)}  ${optionHelp(option)}`).join("\n");
}

function usageLine(command: CliCommand): string {
  const required = command.options
    .filter((option) => option.required)
    .map((option) => `--${option.flag} ${option.placeholder ?? ""}`.trimEnd());
  return ["atlas-export", command.name, ...required, "[options]"].join(" ");
}

/** `atlas-export <command> --help`, generated from the command table entry. */
export function formatCommandHelp(command: CliCommand): string {
  const aliases = (command.aliases ?? []).map((alias) => `  atlas-export ${alias} …  (the same command)`);
  return [
    `atlas-export ${command.name} — ${command.summary}`,
    "",
    "Usage:",
    `  ${usageLine(command)}`,
    ...aliases,
    ...(command.description ? ["", command.description] : []),
    "",
    "Options:",
    optionList([...command.options, ...ATLAS_OPTIONS]),
    "",
    CREDENTIALS,
    "",
    exitCodes(),
    ...(command.example ? ["", "Example:", ...command.example.split("\n").map((line) => `  ${line}`)] : []),
    "",
  ].join("\n");
}

function commandList(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return commands
    .map((command) => {
      const aliases = command.aliases?.length ? ` (alias: ${command.aliases.join(", ")})` : "";
      return `  ${command.name.padEnd(width)}  ${command.summary}${aliases}`;
    })
    .join("\n");
}

/** `atlas-export --help`: every command of the table. */
export function formatRootHelp(commands: readonly CliCommand[]): string {
  return [
    "atlas-export — MongoDB Atlas Cloud Backup snapshot exports from the command line",
    "",
    "Usage:",
    "  atlas-export <command> [options]",
    "  atlas-export <command> --help",
    "  atlas-export --version",
    "",
    "Commands:",
    commandList(commands),
    "",
    CREDENTIALS,
    "",
    exitCodes(),
    "",
  ].join("\n");
}

/** `atlas-export jobs --help`: the commands of one group. */
export function formatGroupHelp(group: string, commands: readonly CliCommand[]): string {
  return [
    `atlas-export ${group} — commands:`,
    "",
    commandList(commands),
    "",
    `Run \`atlas-export ${group} <command> --help\` for a command's options.`,
    "",
  ].join("\n");
}
