/** The system error code of a failed fetch: undici puts it on `cause` (or on each of an AggregateError's). */
export function systemErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } })?.cause;
  const code = cause?.code ?? (error as { code?: unknown })?.code ?? cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}
