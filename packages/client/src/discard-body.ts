/** Frees an unread `Response` body before its request is sent again. */
export async function discardBody(response: Response): Promise<void> {
  if (response.body && !response.bodyUsed) await response.body.cancel();
}
