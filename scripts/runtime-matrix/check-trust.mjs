import { childEnv } from "./child-env.mjs";
import { runCommand } from "./run-command.mjs";
import { runSmoke } from "./run-smoke.mjs";
import { cliCommand } from "./runtime-commands.mjs";
import { smokeConfig } from "./smoke-config.mjs";
import { startCountingProxy } from "./start-counting-proxy.mjs";

/**
 * A proxy that wants credentials: with the right ones in the HTTPS_PROXY URL the calls go through (the
 * runtime sent them as Basic), with wrong ones the call is a clear error that never shows the password.
 */
async function checkProxyCredentials(target, { base, testCa }) {
  const proxy = await startCountingProxy({ credentials: "matrix:s3cret-proxy-pw" });
  try {
    const at = (password) => proxy.url.replace("http://", `http://matrix:${password}@`);
    const accepted = await runSmoke(target, smokeConfig({ ...base, ca: testCa.caCert }), {
      label: "HTTPS_PROXY with credentials: ",
      env: { HTTPS_PROXY: at("s3cret-proxy-pw") },
    });
    if (accepted.every((check) => check.ok)) {
      accepted.push({
        name: "HTTPS_PROXY with credentials: the proxy accepted them",
        ok: proxy.counts.tunnels > 0 && proxy.counts.refused === 0,
        detail: `${proxy.counts.tunnels} tunnel(s), ${proxy.counts.refused} refused`,
      });
    }
    if (accepted.some((check) => !check.ok)) return accepted;
    const config = smokeConfig({ ...base, scenario: "proxy-refused", proxyPassword: "wr0ng-proxy-pw" });
    const refused = await runSmoke(target, config, {
      label: "HTTPS_PROXY with wrong credentials: ",
      env: { HTTPS_PROXY: at("wr0ng-proxy-pw") },
    });
    return [...accepted, ...refused];
  } finally {
    await proxy.close();
  }
}

/**
 * A private CA on the runtime: an HTTPS emulator whose certificate a throwaway CA signed. The smoke's
 * "trust" scenario checks that the untrusted certificate is a clear error and that `ca` trusts it, also
 * inside an HTTPS_PROXY tunnel (a TLS-inspecting corporate proxy's case); then, without `ca`, that
 * NODE_EXTRA_CA_CERTS does; and `atlas-export get --ca-file` through HTTPS_PROXY.
 */
export async function checkTrust(target, { mockServer, credentials, jobs, testCa }) {
  const mock = await mockServer.startMockAtlas({
    tls: { key: testCa.key, cert: testCa.cert },
    apiKeys: [credentials.apiKey],
    serviceAccounts: [credentials.serviceAccount],
  });
  const proxy = await startCountingProxy();
  const checks = [];
  const failed = () => checks.some((check) => !check.ok);
  try {
    const base = { baseUrl: mock.url, ...credentials, jobs, scenario: "trust" };
    checks.push(
      ...(await runSmoke(target, smokeConfig({ ...base, ca: testCa.caCert }), { label: "ca option: " })),
    );
    if (failed()) return checks;

    const tunnelled = await runSmoke(target, smokeConfig({ ...base, ca: testCa.caCert }), {
      label: "HTTPS_PROXY + ca option: ",
      env: { HTTPS_PROXY: proxy.url },
    });
    checks.push(...tunnelled);
    if (failed()) return checks;
    checks.push({
      name: "HTTPS_PROXY + ca option: the calls went through CONNECT tunnels",
      ok: proxy.counts.tunnels > 0,
      detail: `${proxy.counts.tunnels} tunnel(s), ${proxy.counts.forwarded} forwarded request(s)`,
    });
    if (failed()) return checks;

    checks.push(...(await checkProxyCredentials(target, { base, testCa })));
    if (failed()) return checks;

    checks.push(
      ...(await runSmoke(target, smokeConfig(base), {
        label: "NODE_EXTRA_CA_CERTS: ",
        env: { NODE_EXTRA_CA_CERTS: testCa.caFile },
      })),
    );
    if (failed()) return checks;

    const { kind, binary, consumerDir } = target;
    const { groupId, clusterName, exportId } = jobs.documented;
    const args = ["get", "--project-id", groupId, "--cluster-name", clusterName, "--export-id", exportId];
    const env = childEnv({
      MONGODB_ATLAS_BASE_URL: mock.url,
      MONGODB_ATLAS_PUBLIC_API_KEY: credentials.apiKey.publicKey,
      MONGODB_ATLAS_PRIVATE_API_KEY: credentials.apiKey.privateKey,
      HTTPS_PROXY: proxy.url,
      NO_COLOR: "1",
    });
    const before = proxy.counts.tunnels;
    const cli = cliCommand(
      kind,
      binary,
      consumerDir,
      [...args, "--output", "json", "--ca-file", testCa.caFile],
      env,
    );
    const run = await runCommand(cli.command, cli.args, {
      cwd: consumerDir,
      env: { ...env, ...cli.env },
      timeoutMs: 60_000,
    });
    const printed = run.code === 0 && JSON.parse(run.stdout).id === exportId;
    checks.push({
      name: "atlas-export get --ca-file through HTTPS_PROXY",
      ok: printed && proxy.counts.tunnels > before,
      detail: printed
        ? `${proxy.counts.tunnels - before} tunnel(s)`
        : `exit code ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" ")}`,
    });
    return checks;
  } finally {
    await proxy.close();
    await mock.close();
  }
}
