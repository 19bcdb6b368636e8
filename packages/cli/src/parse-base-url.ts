import { UsageError } from "./usage-error.js";

const HINT =
  "For Atlas use https://cloud.mongodb.com (the default); for the emulator e.g. http://127.0.0.1:8080.";

/**
 * Checks a base URL from `--base-url` or `MONGODB_ATLAS_BASE_URL` (named by `source`). Refuses what the
 * client would misuse: credentials in the URL (sent as Basic auth and shown in messages; the value is
 * never echoed then), a `?query` or `#fragment` (the operation path would land inside it), spaces.
 */
export function parseBaseUrl(value: string, source: string): string {
  if (value !== value.trim())
    throw new UsageError(`${source} must not start or end with spaces.`, { hint: HINT });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // An unparsable value may still hold a password (user:pa ss@host): echo it only without an "@".
    const shown = value.includes("@")
      ? ""
      : `; got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    throw new UsageError(`${source} must be an absolute http(s) URL${shown}.`, { hint: HINT });
  }
  if (url.username !== "" || url.password !== "")
    throw new UsageError(
      `${source} must not contain a user name or password; the URL was not used and is not shown.`,
      {
        hint: "Give credentials through MONGODB_ATLAS_CLIENT_ID/_SECRET or MONGODB_ATLAS_PUBLIC_API_KEY/_PRIVATE_API_KEY.",
      },
    );
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError(`${source} must use http or https; got ${JSON.stringify(url.protocol)}.`, {
      hint: HINT,
    });
  if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#"))
    throw new UsageError(
      `${source} must not have a ?query or #fragment: the API paths are appended to it; remove them.`,
      {
        hint: HINT,
      },
    );
  return value;
}
