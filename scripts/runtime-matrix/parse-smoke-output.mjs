/**
 * Reads the smoke program's "ok <check>[: detail]" / "not ok <check>: why" lines into
 * `[{ name, ok, detail }]`; other lines (a runtime's warnings) are ignored.
 */
export function parseSmokeOutput(stdout) {
  const checks = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^(not ok|ok) ([^:]+?)(?:: (.*))?$/.exec(line.trim());
    if (match) checks.push({ name: match[2], ok: match[1] === "ok", detail: match[3] ?? "" });
  }
  return checks;
}
