import { childEnv } from "./child-env.mjs";
import { parseSmokeOutput } from "./parse-smoke-output.mjs";
import { runCommand } from "./run-command.mjs";
import { programCommand } from "./runtime-commands.mjs";

function tail(text, lines = 12) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/**
 * Runs the smoke program with the runtime, SMOKE_CONFIG set to `config` and `env` added (proxy variables,
 * NODE_EXTRA_CA_CERTS). Resolves to its checks, each named with `label`, plus a failed "smoke program"
 * check with the output's tail when it exited non-zero or printed no check.
 */
export async function runSmoke({ kind, binary, consumerDir }, config, { label = "", env = {} } = {}) {
  const program = programCommand(kind, binary, "smoke.mjs");
  const result = await runCommand(program.command, program.args, {
    cwd: consumerDir,
    env: childEnv({ ...env, SMOKE_CONFIG: config }),
    timeoutMs: 90_000,
  });
  const checks = parseSmokeOutput(result.stdout)
    .filter((check) => check.name !== "runtime" || label === "")
    .map((check) => ({ ...check, name: `${label}${check.name}` }));
  if (result.code !== 0 || checks.length === 0 || checks.some((check) => !check.ok)) {
    checks.push({
      name: `${label}smoke program`,
      ok: false,
      detail: `exit code ${result.code}\n${tail(`${result.stdout}\n${result.stderr}`)}`,
    });
  }
  return checks;
}
