import type { CliOption } from "./cli-option.js";

/**
 * The checked values of one command line, keyed by flag. Required options are guaranteed present by the
 * parser, so the getters for them throw only on a bug in the command table.
 */
export class OptionValues {
  readonly #values: ReadonlyMap<string, unknown>;

  constructor(values: ReadonlyMap<string, unknown>) {
    this.#values = values;
  }

  #get(option: CliOption): unknown {
    return this.#values.get(option.flag);
  }

  /** A required option's value. */
  string(option: CliOption): string {
    const value = this.#get(option);
    if (typeof value !== "string") throw new Error(`atlas-export bug: --${option.flag} has no value`);
    return value;
  }

  optionalString(option: CliOption): string | undefined {
    const value = this.#get(option);
    return typeof value === "string" ? value : undefined;
  }

  /** An option whose parser yields a number (durations in milliseconds). */
  optionalNumber(option: CliOption): number | undefined {
    const value = this.#get(option);
    return typeof value === "number" ? value : undefined;
  }

  flag(option: CliOption): boolean {
    return this.#get(option) === true;
  }

  /** A repeatable option's parsed values, in the order given. */
  list<T>(option: CliOption): T[] {
    const value = this.#get(option);
    return Array.isArray(value) ? (value as T[]) : [];
  }

  /** Whether the option was given (on the command line or through its variable). */
  has(option: CliOption): boolean {
    return this.#values.has(option.flag);
  }
}
