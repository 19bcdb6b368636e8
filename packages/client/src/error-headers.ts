/** The response headers an `AtlasApiError` carries: all of them but cookies, which can identify a session. */
export function errorHeaders(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== "set-cookie") record[name] = value;
  });
  return record;
}
