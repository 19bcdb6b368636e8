import { delimiter, dirname, join } from "node:path";

// Deno runs with the narrowest permissions that work: the smoke program reads one variable and talks to
// the emulator; the CLI reads its MONGODB_ATLAS_* variables (and NO_COLOR, TERM...) and --ca-file.
const DENO_NET = "--allow-net=127.0.0.1";

/** How a runtime runs a JavaScript file of the consumer project. */
export function programCommand(kind, binary, file) {
  if (kind === "deno") return { command: binary, args: ["run", DENO_NET, "--allow-env=SMOKE_CONFIG", file] };
  return { command: binary, args: [file] };
}

/**
 * How a runtime runs the consumer's `atlas-export` npm bin: Node through the bin's `#!/usr/bin/env node`
 * with the runtime's node first on PATH, Bun with `bun run --bun` (Bun itself, not a node on PATH), Deno
 * by running the bin's file. Resolves to `{ command, args, env }` (env: additions to the child's).
 */
export function cliCommand(kind, binary, consumerDir, args, env) {
  const bin = join(consumerDir, "node_modules", ".bin", "atlas-export");
  if (kind === "node") {
    return { command: bin, args, env: { PATH: `${dirname(binary)}${delimiter}${env.PATH ?? ""}` } };
  }
  if (kind === "bun") return { command: binary, args: ["run", "--bun", "atlas-export", ...args], env: {} };
  // --allow-read: the CLI reads the file --ca-file names.
  if (kind === "deno")
    return { command: binary, args: ["run", DENO_NET, "--allow-env", "--allow-read", bin, ...args], env: {} };
  throw new Error(`runtime matrix: unknown runtime kind ${JSON.stringify(kind)}`);
}
