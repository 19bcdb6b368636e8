import { AtlasValidationError } from "./atlas-validation-error.js";

/**
 * The `proxy` option: absent, the `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` variables decide (like curl and the
 * Atlas CLI); `false`, no proxy whatever the environment says; a URL, that proxy for every request.
 */
export type ProxyOption = false | string | URL;

/** Checks the `proxy` option; the message never repeats the value, which may hold a proxy password. */
export function resolveProxyOption(value: unknown): false | URL | undefined {
  if (value === undefined || value === false) return value;
  const text = value instanceof URL ? value.href : value;
  if (typeof text === "string" && URL.canParse(text)) {
    const url = new URL(text);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") return url;
  }
  throw new AtlasValidationError(
    `@atlas-export/client: createAtlasClient({ proxy }) must be false (no proxy) or an http:// or https:// proxy URL such as "http://proxy.example:3128" (got ${describeValue(value)})`,
    "proxy",
    "false or http(s) URL",
  );
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return "a string that is not an http(s) URL";
  if (value === null) return "null";
  return typeof value;
}
