const NAMES = [
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "NO_PROXY",
  "no_proxy",
  "NODE_USE_ENV_PROXY",
];

/**
 * Replaces the proxy variables of this process with `vars` (none when empty), whatever the test runner's
 * environment has; the returned function restores them. Variables are deleted, not emptied: undici reads
 * `http_proxy ?? HTTP_PROXY`, so an empty lower-case one would hide the upper-case one.
 */
export function setProxyEnvironment(vars: Record<string, string> = {}): () => void {
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, vars);
  return () => {
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  };
}
