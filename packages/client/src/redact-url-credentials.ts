/**
 * What an error message, `inspect` or `JSON.stringify` may show of a URL that can carry credentials (a
 * proxy URL such as `http://user:secret@proxy:3128`): the user and password replaced by `***`.
 */
export function redactUrlCredentials(url: URL | string): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return "(not a URL)";
  }
  if (parsed.username === "" && parsed.password === "") return parsed.href;
  parsed.username = "***";
  parsed.password = "";
  return parsed.href;
}
