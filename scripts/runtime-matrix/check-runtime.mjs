import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkProxy } from "./check-proxy.mjs";
import { checkTrust } from "./check-trust.mjs";
import { childEnv } from "./child-env.mjs";
import { runCommand } from "./run-command.mjs";
import { runSmoke } from "./run-smoke.mjs";
import { cliCommand } from "./runtime-commands.mjs";
import { emulatorOptions, runningJobDefinition, smokeConfig, smokeJobs } from "./smoke-config.mjs";

function tail(text, lines = 4) {
  return text.trim().split("\n").slice(-lines).join("\n");
}

/** The job `atlas-export get/watch --output json` printed, or why there is none. */
function printedJob(result, want) {
  if (result.code !== 0) return { ok: false, detail: `exit code ${result.code}: ${tail(result.stderr)}` };
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

/** `atlas-export get` (API key) and `atlas-export watch` (service account) through the npm bin. */
async function checkCli(target, { mock, credentials, jobs }) {
  const { kind, binary, consumerDir } = target;
  const ids = (ref) => [
    "--project-id",
    ref.groupId,
    "--cluster-name",
    ref.clusterName,
    "--export-id",
    ref.exportId,
  ];
  const runCli = (args, variables) => {
    const env = childEnv({ MONGODB_ATLAS_BASE_URL: mock.url, NO_COLOR: "1", ...variables });
    const cli = cliCommand(kind, binary, consumerDir, args, env);
    return runCommand(cli.command, cli.args, {
      cwd: consumerDir,
      env: { ...env, ...cli.env },
      timeoutMs: 60_000,
    });
  };
  const checks = [];
  const get = await runCli(["get", ...ids(jobs.cliDone), "--output", "json"], {
    MONGODB_ATLAS_PUBLIC_API_KEY: credentials.apiKey.publicKey,
    MONGODB_ATLAS_PRIVATE_API_KEY: credentials.apiKey.privateKey,
  });
  checks.push({ name: "atlas-export get (API key)", ...printedJob(get, jobs.cliDone) });
  if (!checks.at(-1).ok) return checks;

  mock.jobs.add(runningJobDefinition(jobs.cliRunning));
  const watch = await runCli(
    ["watch", ...ids(jobs.cliRunning), "--output", "json", "--poll-interval", "0.1"],
    {
      MONGODB_ATLAS_CLIENT_ID: credentials.serviceAccount.clientId,
      MONGODB_ATLAS_CLIENT_SECRET: credentials.serviceAccount.clientSecret,
    },
  );
  const watched = printedJob(watch, jobs.cliRunning);
  // Not a terminal: one progress line per change on stderr, so the run was watched, not just fetched.
  if (watched.ok && !/InProgress/.test(watch.stderr)) {
    Object.assign(watched, { ok: false, detail: `no InProgress line on stderr:\n${tail(watch.stderr)}` });
  }
  checks.push({ name: "atlas-export watch (service account)", ...watched });
  return checks;
}

/**
 * Runs one runtime against emulators started here, on the machine's Node, from the consumer's own
 * installed @atlas-export/mock-server: the smoke program's workflow (the emulator's counters prove the
 * retry met a 503), the CLI, the proxy variables and a private CA. Resolves to `[{ name, ok, detail }]`,
 * stopping at the first failing group.
 */
export async function checkRuntime(target, { testCa }) {
  const { consumerDir } = target;
  const mockServer = await import(
    pathToFileURL(join(consumerDir, "node_modules", "@atlas-export", "mock-server", "dist", "index.js")).href
  );
  const { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, DOCUMENTED_EXPORT_JOB_DEFINITION } = mockServer;
  const credentials = { apiKey: DEMO_API_KEY, serviceAccount: DEMO_SERVICE_ACCOUNT };
  const jobs = smokeJobs(DOCUMENTED_EXPORT_JOB_DEFINITION);
  const mock = await mockServer.startMockAtlas({
    ...emulatorOptions(DOCUMENTED_EXPORT_JOB_DEFINITION, jobs),
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
  });
  const checks = [];
  const failed = () => checks.some((check) => !check.ok);
  try {
    mock.jobs.add(runningJobDefinition(jobs.running));
    checks.push(...(await runSmoke(target, smokeConfig({ baseUrl: mock.url, ...credentials, jobs }))));
    if (failed()) return checks;
    const injected = mock.stats.faultsInjected;
    checks.push({
      name: "emulator saw the 503",
      ok: injected === 1,
      detail: `${injected} fault(s) injected, expected 1`,
    });
    if (failed()) return checks;
    checks.push(...(await checkCli(target, { mock, credentials, jobs })));
    if (failed()) return checks;
    checks.push(...(await checkProxy(target, { mock, credentials, jobs })));
    if (failed()) return checks;
    checks.push(...(await checkTrust(target, { mockServer, credentials, jobs, testCa })));
    return checks;
  } finally {
    await mock.close();
  }
}
