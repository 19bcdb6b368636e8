import { runSmoke } from "./run-smoke.mjs";
import { smokeConfig } from "./smoke-config.mjs";
import { startCountingProxy } from "./start-counting-proxy.mjs";

/**
 * HTTP_PROXY on the runtime: the smoke's "proxy" scenario (3 digest and 3 service-account calls) through
 * a counting proxy must reach the emulator through it, with digest and token caching unchanged (4 digest
 * requests with one challenge, one token); so must the client's `proxy` option without any variable; with
 * HTTP_PROXY and NO_PROXY=127.0.0.1 the proxy must see nothing.
 */
export async function checkProxy(target, { mock, credentials, jobs }) {
  const proxy = await startCountingProxy();
  const checks = [];
  try {
    const config = smokeConfig({ baseUrl: mock.url, ...credentials, jobs, scenario: "proxy" });
    mock.resetStats();
    checks.push(
      ...(await runSmoke(target, config, { label: "HTTP_PROXY: ", env: { HTTP_PROXY: proxy.url } })),
    );
    if (checks.some((check) => !check.ok)) return checks;
    const { stats } = mock;
    const digestRequests = stats.challenges + stats.digestAuthenticated;
    checks.push({
      name: "HTTP_PROXY: the calls went through the proxy",
      ok: proxy.seen() > 0,
      detail: `${proxy.counts.tunnels} CONNECT tunnel(s), ${proxy.counts.forwarded} forwarded request(s)`,
    });
    checks.push({
      name: "HTTP_PROXY: digest and token caching unchanged",
      ok: stats.challenges === 1 && stats.digestAuthenticated === 3 && stats.tokensMinted === 1,
      detail: `${digestRequests} digest requests (${stats.challenges} challenge), ${stats.tokensMinted} token(s) for 3 + 3 calls`,
    });

    const beforeOption = proxy.seen();
    const explicit = smokeConfig({
      baseUrl: mock.url,
      ...credentials,
      jobs,
      scenario: "proxy",
      proxy: proxy.url,
    });
    const withOption = await runSmoke(target, explicit, { label: "proxy option: " });
    checks.push(...withOption);
    if (withOption.some((check) => !check.ok)) return checks;
    checks.push({
      name: "proxy option: the calls went through the proxy without any variable",
      ok: proxy.seen() > beforeOption,
      detail: `${proxy.seen() - beforeOption} new tunnel(s) or forwarded request(s)`,
    });

    const before = proxy.seen();
    const env = { HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" };
    const bypass = await runSmoke(target, config, { label: "NO_PROXY: ", env });
    checks.push(...bypass);
    if (bypass.every((check) => check.ok)) {
      checks.push({
        name: "NO_PROXY=127.0.0.1 bypasses the proxy",
        ok: proxy.seen() === before,
        detail: `${proxy.seen() - before} new tunnel(s) or forwarded request(s)`,
      });
    }
    return checks;
  } finally {
    await proxy.close();
  }
}
