// Which of this process's environment variables reach the programs the matrix starts.

/** Set by npm/pnpm when this script runs under `pnpm run`; they would configure the consumer's npm. */
const PACKAGE_MANAGER_CONFIG = /^(npm|pnpm)_(config|package|lifecycle)_/i;
/** A proxy would swallow the loopback calls to the emulator (step 2 of issue 17 tests proxies on purpose). */
const PROXY = /^(https?|all|no)_proxy$/i;
/** Credentials and settings of the runner's own Atlas use, and Node flags meant for the runner. */
const RUNNER_ONLY = /^(MONGODB_ATLAS_.*|NODE_OPTIONS|NODE_EXTRA_CA_CERTS|SMOKE_CONFIG)$/;

/**
 * The environment for a child: this process's, without package-manager configuration, and — for the
 * programs under test (`forProgram`) — without proxy variables, Atlas credentials and runner-only Node
 * settings, so only what the matrix passes in `extra` decides what they do. npm installs keep the proxy
 * variables: the registry may only be reachable through them.
 */
export function childEnv(extra = {}, { forProgram = true, env = process.env } = {}) {
  const result = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || PACKAGE_MANAGER_CONFIG.test(key)) continue;
    if (forProgram && (PROXY.test(key) || RUNNER_ONLY.test(key))) continue;
    result[key] = value;
  }
  return { ...result, ...extra };
}
