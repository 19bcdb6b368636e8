import { join } from "node:path";
import { repoPaths } from "./repo-paths.js";
import { timeCommand, type TimedCommand } from "./time-command.js";

/**
 * Runs the bench's openapi-typescript CLI on `spec` (YAML or JSON) and writes the types to `outFile`, timed.
 * `cwd` should be a temporary folder outside the repository: openapi-typescript reads a redocly.yaml from
 * its working directory, and the repository's one is written for spec/openapi.yaml, not for other specs.
 */
export function generateTypesFromSpec(spec: string, outFile: string, cwd: string): Promise<TimedCommand> {
  return timeCommand(
    process.execPath,
    [join(repoPaths.bench, "node_modules/openapi-typescript/bin/cli.js"), spec, "-o", outFile],
    { cwd },
  );
}
