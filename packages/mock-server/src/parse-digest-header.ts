/** Parses `Digest k=v, k="quoted", …` (RFC 7616 §3.4) into a map; undefined when it is not Digest. */
export function parseDigestHeader(header: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (match === null) return undefined;
  const params: Record<string, string> = {};
  const pair = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*(?:,|$)/gy;
  const rest = (match[1] ?? "").trim();
  let index = 0;
  while (index < rest.length) {
    pair.lastIndex = index;
    const found = pair.exec(rest);
    if (found === null) return undefined;
    const key = (found[1] ?? "").toLowerCase();
    params[key] = found[2] !== undefined ? found[2].replace(/\\(.)/g, "$1") : (found[3] ?? "");
    index = pair.lastIndex;
  }
  return params;
}
