import type { CommandInput } from "./cli-command.js";

/** The per-call options every client method takes: the command's abort signal (Ctrl-C, SIGTERM). */
export function callOptions(input: CommandInput): { signal?: AbortSignal } {
  return input.signal ? { signal: input.signal } : {};
}
