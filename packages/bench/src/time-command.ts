import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface TimedCommand {
  ms: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and returns its wall time; an exit code outside `okExitCodes` (default: 0)
 * is an error naming the command.
 */
export function timeCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; okExitCodes?: readonly number[] },
): Promise<TimedCommand> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== null && (options.okExitCodes ?? [0]).includes(code))
        resolve({ ms, exitCode: code, stdout, stderr });
      else
        reject(
          new Error(
            `@atlas-export/bench: \`${command} ${args.join(" ")}\` exited with ${code}: ${(stderr || stdout).trim().slice(-600)}`,
          ),
        );
    });
  });
}
