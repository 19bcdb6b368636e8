/**
 * Whether the Accept header lets us answer with `mediaType` (`application/vnd.atlas.<date>+json`). Atlas
 * resolves a versioned type to the newest resource version not after its date, so any date from the
 * operation's version on serves it; wildcards and a missing header are fine, plain application/json is not.
 */
export function acceptsAtlasJson(accept: string | undefined, mediaType: string): boolean {
  const served = versionOf(mediaType) ?? "";
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((entry) => {
    const [type = "", ...params] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (params.some((param) => /^q=0(\.0*)?$/.test(param))) return false;
    if (type === "*/*" || type === "application/*") return true;
    const version = versionOf(type);
    return version !== undefined && version >= served;
  });
}

/** The date of a versioned Atlas media type, e.g. "2023-01-01". */
export function versionOf(mediaType: string): string | undefined {
  return /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(mediaType)?.[1];
}
