import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface RunningPrism {
  /** e.g. `http://127.0.0.1:41234`, read from Prism's own "listening" line (it binds port 0). */
  url: string;
  /** Everything Prism printed so far, for assertion messages. */
  output(): string;
  /** Stops Prism (SIGTERM, then SIGKILL if it lingers) and waits for it to exit. */
  close(): Promise<void>;
}

const prismBin = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist/index.js",
);

/**
 * Starts `prism mock <spec> -h 127.0.0.1 -p 0 --errors` as a child process and resolves once it listens.
 * `--errors` makes Prism answer 422/400 for invalid requests *and* 500 when an example it serves breaks
 * its own schema, so every answer that is not an error is one Prism checked both ways. Prism reads the
 * spec from disk and needs no network.
 */
export function startPrism(specFile: string, { startTimeoutMs = 45_000 } = {}): Promise<RunningPrism> {
  const child = spawn(
    process.execPath,
    [prismBin, "mock", specFile, "-h", "127.0.0.1", "-p", "0", "--errors"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A test worker that dies must not leave Prism running.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const close = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      void close().then(() => reject(new Error(`contract-tests: Prism did not start: ${why}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${startTimeoutMs} ms`), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const listening = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve({ url: listening[1], output: () => output, close });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      fail(error.message);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      fail(`it exited (${signal ?? `code ${code}`})`);
    });
  });
}
