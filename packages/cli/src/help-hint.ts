/** The line that follows a usage error: where to read how the command is used. */
export function helpHint(commandName?: string): string {
  return `Run \`atlas-export ${commandName ? `${commandName} ` : ""}--help\` for usage.`;
}
