#!/usr/bin/env node
import packageJson from "../package.json" with { type: "json" };
import { runCli } from "./run-cli.js";

// Ctrl-C (or a supervisor's SIGTERM) aborts the pending request and the wait; runCli then restores the
// terminal, revokes the service-account token and exits 130 instead of dying mid-redraw.
const controller = new AbortController();
const interrupt = () => controller.abort(new Error("interrupted"));
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: packageJson.version,
  signal: controller.signal,
});
process.off("SIGINT", interrupt);
process.off("SIGTERM", interrupt);
