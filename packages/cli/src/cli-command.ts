import type { AtlasClient } from "@atlas-export/client";
import type { CliOption } from "./cli-option.js";
import type { OptionValues } from "./option-values.js";
import type { ReporterStream } from "./progress-reporter.js";

export type OutputFormat = "json" | "table";

/** What a command runs with: its checked options, a client with the resolved credentials, the outside world. */
export interface CommandInput {
  values: OptionValues;
  atlas: AtlasClient;
  /** `--output`, or table on a terminal and JSON otherwise. */
  output: OutputFormat;
  stdout: ReporterStream;
  stderr: ReporterStream;
  /** Whether someone at a terminal can answer a question (stdin and stderr are terminals). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal; only called when `interactive`. */
  confirm: (question: string) => Promise<boolean>;
  /** Aborted on Ctrl-C or SIGTERM. */
  signal?: AbortSignal;
  /** Milliseconds clock for elapsed times. */
  now?: () => number;
}

/**
 * One `atlas-export` command, as data plus the function that runs it. The parser, `--help` and the
 * command list on the root help page are generated from these.
 */
export interface CliCommand {
  /** Words typed to run it, e.g. `jobs describe`. */
  name: string;
  /** Other names that run the same command, e.g. `get` for `jobs describe`. */
  aliases?: readonly string[];
  /** One line for the command list and the top of `--help`. */
  summary: string;
  /** Paragraphs shown on `--help` after the usage. */
  description?: string;
  /** The command's own options; every command also takes ATLAS_OPTIONS. */
  options: readonly CliOption[];
  /** Shown under "Example:" on `--help`. */
  example?: string;
  /** Does the work and returns the exit code; throws for failures (mapped by describeFailure). */
  run(input: CommandInput): Promise<number>;
}
