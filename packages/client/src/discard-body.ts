import type { AuthAnswer } from "./auth-scheme.js";

/** Frees an unread `Response` body before its request is sent again (an already-read answer has none). */
export async function discardBody(answer: AuthAnswer): Promise<void> {
  const body = (answer as { body?: unknown }).body;
  if (body instanceof ReadableStream) await body.cancel();
}
