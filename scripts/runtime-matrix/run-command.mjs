import { spawn } from "node:child_process";

export class CommandError extends Error {
  name = "CommandError";
  constructor(message, result) {
    super(message);
    this.result = result;
  }
}

/**
 * Runs a command without blocking the event loop (the emulator answers from this same process) and
 * resolves to `{ code, stdout, stderr }` whatever the exit code; a command that outlives `timeoutMs` is
 * killed with its process group and rejects. `env` replaces the environment entirely.
 */
export function runCommand(command, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new CommandError(`could not start ${command}: ${error.message}`, { code: null, stdout, stderr }),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (timedOut) {
        reject(
          new CommandError(
            `\`${command} ${args.join(" ")}\` did not finish within ${timeoutMs / 1000} s`,
            result,
          ),
        );
      } else if (code === null) {
        reject(new CommandError(`\`${command} ${args.join(" ")}\` was killed by ${signal}`, result));
      } else {
        resolve(result);
      }
    });
  });
}

/** Like runCommand, but a non-zero exit rejects with the command's output in the message. */
export async function runChecked(command, args, options) {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}${result.stderr}`.trim();
    throw new CommandError(
      `\`${command} ${args.join(" ")}\` failed with exit code ${result.code}:\n${output}`,
      result,
    );
  }
  return result;
}
