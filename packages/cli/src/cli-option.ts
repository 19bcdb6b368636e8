/**
 * One command-line option, as data: the parser, the checks and the `--help` page all read it from here.
 */
export interface CliOption {
  /** The long name without dashes, e.g. `cluster-name`. */
  flag: string;
  /** What the value stands for in help (`ID`, `NAME`); absent for an on/off flag. */
  placeholder?: string;
  /** One line for `--help`; also names the option in "missing --flag: …" errors. */
  help: string;
  /** Must be given (on the command line or through `env`). */
  required?: boolean;
  /** May be repeated; the values arrive as a list. */
  multiple?: boolean;
  /** A one-letter form, e.g. `o` for `-o`. */
  short?: string;
  /** Another long name for the same option, e.g. `group-id` for `project-id` (Atlas calls projects groups). */
  alias?: string;
  /** A variable that gives the value when the flag is absent. */
  env?: string;
  /**
   * Checks and converts one value; throws a UsageError naming `source` (`--flag` or the variable) and
   * what to type instead. Without it the text is taken as given.
   */
  parse?: (raw: string, source: string) => unknown;
}
