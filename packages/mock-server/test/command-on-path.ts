import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Whether `command` is an executable on the PATH. When it is not, says on stderr which tests skip and
 * what to install, so a skipped interop test is never mistaken for a passing one.
 */
export function commandOnPath(command: string, install: string): boolean {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // Not in this folder; look in the next.
    }
  }
  console.warn(`SKIPPED: the tests that run ${command} — it is not on the PATH (${install}).`);
  return false;
}
