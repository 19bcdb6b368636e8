import type { CommandInput } from "./cli-command.js";

/**
 * Writes a command's result on stdout: `json` exactly as received (what scripts parse; JSON escapes
 * control characters), or the table, whose formatter made every server string terminal-safe.
 */
export function writeResult(input: CommandInput, json: unknown, table: () => string): void {
  input.stdout.write(input.output === "json" ? `${JSON.stringify(json, null, 2)}\n` : table());
}
