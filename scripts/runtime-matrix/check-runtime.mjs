import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { childEnv } from "./child-env.mjs";
import { parseSmokeOutput } from "./parse-smoke-output.mjs";
import { runCommand } from "./run-command.mjs";
import { cliCommand, programCommand } from "./runtime-commands.mjs";
import { emulatorOptions, runningJobDefinition, smokeConfig, smokeJobs } from "./smoke-config.mjs";

function tail(text, lines = 12) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/** The job `atlas-export get/watch --output json` printed, or why there is none. */
function printedJob(result, want) {
  if (result.code !== 0) return { ok: false, detail: `exit code ${result.code}: ${tail(result.stderr, 4)}` };
  try {
    const job = JSON.parse(result.stdout);
    if (job.id !== want.exportId)
      return { ok: false, detail: `printed job ${job.id}, expected ${want.exportId}` };
    if (job.state !== "Successful")
      return { ok: false, detail: `printed state ${job.state}, expected Successful` };
    return { ok: true, detail: `${job.id} is ${job.state}` };
  } catch {
    return { ok: false, detail: `stdout is not JSON: ${JSON.stringify(result.stdout.slice(0, 200))}` };
  }
}

/**
 * Runs one runtime against a fresh emulator (started here, on the machine's Node, from the consumer's own
 * installed @atlas-export/mock-server): the smoke program, then `atlas-export get` (API key) and
 * `atlas-export watch` (service account). Resolves to `[{ name, ok, detail }]`, stopping at the first
 * failure; the emulator's counters prove the retry really met a 503.
 */
export async function checkRuntime({ kind, binary, consumerDir }) {
  const mockServer = await import(
    pathToFileURL(join(consumerDir, "node_modules", "@atlas-export", "mock-server", "dist", "index.js")).href
  );
  const { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, DOCUMENTED_EXPORT_JOB_DEFINITION } = mockServer;
  const jobs = smokeJobs(DOCUMENTED_EXPORT_JOB_DEFINITION);
  const mock = await mockServer.startMockAtlas({
    ...emulatorOptions(DOCUMENTED_EXPORT_JOB_DEFINITION, jobs),
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
  });
  const checks = [];
  try {
    mock.jobs.add(runningJobDefinition(jobs.running));
    const config = smokeConfig({
      baseUrl: mock.url,
      apiKey: DEMO_API_KEY,
      serviceAccount: DEMO_SERVICE_ACCOUNT,
      jobs,
    });
    const program = programCommand(kind, binary, "smoke.mjs");
    const smoke = await runCommand(program.command, program.args, {
      cwd: consumerDir,
      env: childEnv({ SMOKE_CONFIG: config }),
      timeoutMs: 90_000,
    });
    checks.push(...parseSmokeOutput(smoke.stdout));
    if (smoke.code !== 0 || checks.length === 0 || checks.some((check) => !check.ok)) {
      checks.push({
        name: "smoke program",
        ok: false,
        detail: `exit code ${smoke.code}\n${tail(`${smoke.stdout}\n${smoke.stderr}`)}`,
      });
      return checks;
    }
    const injected = mock.stats.faultsInjected;
    checks.push({
      name: "emulator saw the 503",
      ok: injected === 1,
      detail: `${injected} fault(s) injected, expected 1`,
    });
    if (injected !== 1) return checks;

    const ids = (ref) => [
      "--project-id",
      ref.groupId,
      "--cluster-name",
      ref.clusterName,
      "--export-id",
      ref.exportId,
    ];
    const base = { MONGODB_ATLAS_BASE_URL: mock.url, NO_COLOR: "1" };
    const runCli = async (args, credentials) => {
      const env = childEnv({ ...base, ...credentials });
      const cli = cliCommand(kind, binary, consumerDir, args, env);
      return runCommand(cli.command, cli.args, {
        cwd: consumerDir,
        env: { ...env, ...cli.env },
        timeoutMs: 60_000,
      });
    };

    const get = await runCli(["get", ...ids(jobs.cliDone), "--output", "json"], {
      MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
      MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
    });
    checks.push({ name: "atlas-export get (API key)", ...printedJob(get, jobs.cliDone) });
    if (!checks.at(-1).ok) return checks;

    mock.jobs.add(runningJobDefinition(jobs.cliRunning));
    const watch = await runCli(
      ["watch", ...ids(jobs.cliRunning), "--output", "json", "--poll-interval", "0.1"],
      {
        MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
        MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
      },
    );
    const watched = printedJob(watch, jobs.cliRunning);
    // Not a terminal: one progress line per change on stderr, so the run was watched, not just fetched.
    if (watched.ok && !/InProgress/.test(watch.stderr)) {
      Object.assign(watched, {
        ok: false,
        detail: `no InProgress line on stderr:\n${tail(watch.stderr, 4)}`,
      });
    }
    checks.push({ name: "atlas-export watch (service account)", ...watched });
    return checks;
  } finally {
    await mock.close();
  }
}
