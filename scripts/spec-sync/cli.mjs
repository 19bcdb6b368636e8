#!/usr/bin/env node
// `pnpm spec:sync --from <file> [--write]`: exit 0 nothing to do (or written), 1 changes found,
// 2 bad input, 3 the write failed (spec/ restored).
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { SpecSyncError } from "./spec-sync-error.mjs";
import { syncSpec } from "./sync.mjs";

const usage = `usage: pnpm spec:sync --from <upstream-spec.yaml|json> [--write]

Compares the operations spec/openapi.yaml lists in x-atlas-export-upstream.operations with a full upstream
Atlas Admin API v2 spec and reports every difference per operation, classified as breaking, non-breaking or
docs-only; deliberate deviations are listed apart, and upstream's other methods on the same paths as available.
  --from <file>  the upstream spec (YAML or JSON), e.g. ../shared/upstream/atlas-v2-2026-08-21.yaml
  --write        take upstream's changes into spec/, run \`pnpm generate\`, write a .changeset/*.md
Exit codes: 0 nothing to do (or written), 1 changes found, 2 bad input, 3 write failed (spec/ restored).`;

/** Parses the command line; throws SpecSyncError on anything unknown. */
export function parseArguments(args) {
  const options = { write: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--write") options.write = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--from") {
      if (args[i + 1] === undefined || args[i + 1].startsWith("--"))
        throw new SpecSyncError("--from needs a file path.");
      options.from = args[++i];
    } else if (arg.startsWith("--from=")) options.from = arg.slice("--from=".length);
    else if (arg === "--") continue;
    else throw new SpecSyncError(`unknown argument ${JSON.stringify(arg)}.\n${usage}`);
  }
  return options;
}

/** Runs the command and returns its exit code. */
export async function main(
  args,
  { cwd = process.cwd(), root, generate, stdout = console.log, stderr = console.error } = {},
) {
  try {
    const options = parseArguments(args);
    if (options.help) {
      stdout(usage);
      return 0;
    }
    // pnpm runs root scripts from the root; a relative --from means relative to where the user typed it.
    const from = options.from === undefined ? undefined : resolve(process.env.INIT_CWD ?? cwd, options.from);
    const result = await syncSpec({
      from,
      write: options.write,
      ...(root ? { root } : {}),
      ...(generate ? { generate } : {}),
    });
    stdout(result.report);
    return result.exitCode;
  } catch (error) {
    if (error instanceof SpecSyncError) {
      stderr(`spec-sync: ${error.message}`);
      return 2;
    }
    stderr(`spec-sync: ${error.message}`);
    return 3;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = await main(process.argv.slice(2));
