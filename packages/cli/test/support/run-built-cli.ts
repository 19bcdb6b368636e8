import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const CLI_PATH = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the built `atlas-export` binary as a user would, with only PATH and the given variables in its
 * environment (so the developer's own MONGODB_ATLAS_* never leak into a test). stdout and stderr are
 * pipes, so the CLI sees no terminal.
 */
export function runBuiltCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runProgram(process.execPath, [CLI_PATH, ...args], env);
}

/**
 * Runs the built binary on a pseudo-terminal made by util-linux `script`, so stdout and stderr are a TTY
 * as in an interactive shell; both arrive on `stdout` (the terminal's output).
 */
export function runBuiltCliOnTerminal(
  args: readonly string[],
  env: Record<string, string> = {},
  answer?: { when: string; type: string },
): Promise<CliRun> {
  const command = [process.execPath, CLI_PATH, ...args].join(" ");
  return runProgram("script", ["--quiet", "--return", "--command", command, "/dev/null"], env, answer);
}

/**
 * Runs a program with only PATH and the given variables in its environment, collecting its output.
 * With `answer`, types `answer.type` on its stdin once `answer.when` has appeared on its stdout (a
 * question on a terminal); without, stdin is closed.
 */
export function runProgram(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  answer?: { when: string; type: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: [answer ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let answered = false;
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (answer && !answered && stdout.includes(answer.when)) {
        answered = true;
        child.stdin?.write(answer.type);
      }
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}
