/** Quotes what the user typed, shortened, so a pasted secret or a huge value never floods the terminal. */
export function quoteInput(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}
