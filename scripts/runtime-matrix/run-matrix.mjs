import { RuntimeUnavailableError } from "./install-runtime.mjs";

/**
 * Runs every runtime in turn (the machine has two cores; parallel runs would only make timings noisy):
 * install it, create its consumer project, run its checks. A runtime that cannot be installed is
 * "unavailable" and, like a failing one, fails the matrix: nothing is skipped silently. The steps are
 * passed in so the sequencing can be tested without installing anything.
 */
export async function runMatrix(
  runtimes,
  { install, createConsumer, check, log = () => {}, now = Date.now },
) {
  const results = [];
  for (const runtime of runtimes) {
    const startedAt = now();
    const result = {
      runtime,
      status: "fail",
      version: runtime.version ?? "",
      source: "",
      checks: [],
      error: "",
    };
    try {
      const installed = await install(runtime);
      Object.assign(result, { version: installed.version, source: installed.source });
      log(`${runtime.label}: ${installed.version} from ${installed.source}`);
      const consumerDir = await createConsumer(runtime);
      result.checks = await check({ kind: runtime.kind, binary: installed.binary, consumerDir });
      for (const { name, ok, detail } of result.checks) {
        log(`${runtime.label}: ${ok ? "ok" : "not ok"} ${name}${detail ? `: ${detail}` : ""}`);
      }
      const passed = result.checks.length > 0 && result.checks.every((check) => check.ok);
      result.status = passed ? "pass" : "fail";
    } catch (error) {
      result.status = error instanceof RuntimeUnavailableError ? "unavailable" : "fail";
      result.error = error instanceof Error ? error.message : String(error);
      log(`${runtime.label}: ${result.status}: ${result.error}`);
    }
    result.seconds = (now() - startedAt) / 1000;
    results.push(result);
  }
  return results;
}

/** 0 when every runtime passed (and there was at least one), 1 otherwise. */
export function matrixExitCode(results) {
  return results.length > 0 && results.every((result) => result.status === "pass") ? 0 : 1;
}
