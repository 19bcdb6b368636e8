import { runSmoke } from "./run-smoke.mjs";
import { smokeConfig } from "./smoke-config.mjs";

/**
 * A private CA on the runtime: an HTTPS emulator whose certificate a throwaway CA signed. The smoke's
 * "trust" scenario checks that the untrusted certificate is a clear error and that `ca` trusts it; then,
 * without `ca`, that NODE_EXTRA_CA_CERTS does.
 */
export async function checkTrust(target, { mockServer, credentials, jobs, testCa }) {
  const mock = await mockServer.startMockAtlas({
    tls: { key: testCa.key, cert: testCa.cert },
    apiKeys: [credentials.apiKey],
    serviceAccounts: [credentials.serviceAccount],
  });
  try {
    const base = { baseUrl: mock.url, ...credentials, jobs, scenario: "trust" };
    const withCa = await runSmoke(target, smokeConfig({ ...base, ca: testCa.caCert }), {
      label: "ca option: ",
    });
    if (withCa.some((check) => !check.ok)) return withCa;
    const withEnv = await runSmoke(target, smokeConfig(base), {
      label: "NODE_EXTRA_CA_CERTS: ",
      env: { NODE_EXTRA_CA_CERTS: testCa.caFile },
    });
    return [...withCa, ...withEnv];
  } finally {
    await mock.close();
  }
}
