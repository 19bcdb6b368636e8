/**
 * Whether the Accept header lets us answer with application/vnd.atlas.2023-01-01+json. Atlas resolves a
 * versioned type to the newest resource version not after its date, so any date from 2023-01-01 on
 * serves this one; wildcards and a missing header are fine, plain application/json is not.
 */
export function acceptsAtlasJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((entry) => {
    const [type = "", ...params] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (params.some((param) => /^q=0(\.0*)?$/.test(param))) return false;
    if (type === "*/*" || type === "application/*") return true;
    const version = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/.exec(type)?.[1];
    return version !== undefined && version >= "2023-01-01";
  });
}
