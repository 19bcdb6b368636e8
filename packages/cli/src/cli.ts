#!/usr/bin/env node
import packageJson from "../package.json" with { type: "json" };
import { runCli } from "./run-cli.js";

// Ctrl-C (or a supervisor's SIGTERM) aborts the pending request and the wait; runCli then restores the
// terminal, revokes the service-account token and exits 128 + the signal's number (130 or 143) instead of
// dying mid-redraw. The reason names the signal so the exit code can tell them apart.
const controller = new AbortController();
const interrupt = (signal: NodeJS.Signals) => controller.abort(signal);
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

// `atlas-export get | head -1` closes the pipe early: the reader has what it wanted, so end quietly
// rather than with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  version: packageJson.version,
  signal: controller.signal,
});
process.off("SIGINT", interrupt);
process.off("SIGTERM", interrupt);
