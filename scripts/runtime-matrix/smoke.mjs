// The smoke program of the runtime matrix. It is copied into a fresh consumer project that installed the
// packed tarballs, and run there by each runtime (Node, Bun, Deno) against an emulator the matrix started
// on 127.0.0.1. Plain JavaScript with no Node-only globals beyond `process`, which all three provide.
//
// Input: SMOKE_CONFIG (JSON, written by smoke-config.mjs), whose `scenario` picks the checks: "workflow"
// (default), "proxy" (the same calls whatever the environment's proxy variables say; the matrix counts
// what its proxy and the emulator saw) or "trust" (an HTTPS emulator with a private CA, trusted through
// the `ca` option or, without `ca` in the config, through NODE_EXTRA_CA_CERTS). A `proxy` in the config
// becomes the client's `proxy` option. Output: one line per
// check, "ok <check>", and exit code 0; the first failing check prints "not ok <check>: <why>", exit 1.
import {
  AtlasApiError,
  AtlasConnectionError,
  createAtlasClient,
  digestAuth,
  serviceAccountAuth,
} from "@atlas-export/client";

const config = JSON.parse(process.env.SMOKE_CONFIG ?? "null");
if (!config) {
  console.error("not ok config: SMOKE_CONFIG is not set (run this through scripts/runtime-matrix/cli.mjs)");
  process.exit(1);
}
const { baseUrl, apiKey, serviceAccount, jobs, scenario = "workflow", ca, proxy } = config;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, body) {
  try {
    const detail = await body();
    console.log(`ok ${name}${detail ? `: ${detail}` : ""}`);
  } catch (error) {
    console.log(`not ok ${name}: ${error?.name ?? "Error"}: ${error?.message ?? String(error)}`);
    process.exit(1);
  }
}

// Fast retries: the emulator's injected 503 carries no Retry-After, so the backoff decides the pause.
const retry = { initialDelayMs: 50, maxDelayMs: 200 };
const trust = { ...(ca === undefined ? {} : { ca }), ...(proxy === undefined ? {} : { proxy }) };
const digest = createAtlasClient({ auth: digestAuth(apiKey), baseUrl, retry, ...trust });
const oauth = createAtlasClient({ auth: serviceAccountAuth(serviceAccount), baseUrl, retry, ...trust });

await check("runtime", () => {
  const bun = globalThis.Bun?.version;
  const deno = globalThis.Deno?.version?.deno;
  return bun ? `bun ${bun}` : deno ? `deno ${deno}` : `node ${process.version}`;
});

async function getDocumentedJob(client, times) {
  for (let call = 0; call < times; call += 1) {
    const job = await client.getBackupExportJob(jobs.documented);
    assert(job.id === jobs.documented.exportId, `expected job ${jobs.documented.exportId}, got ${job.id}`);
  }
  return `${times} call(s)`;
}

if (scenario === "proxy") {
  // Three calls each: the matrix expects 4 digest requests (one challenge) and one token, proxy or not.
  await check("digest auth, 3 calls", () => getDocumentedJob(digest, 3));
  await check("service account auth, 3 calls", () => getDocumentedJob(oauth, 3));
  await check("close", () => Promise.all([digest.close(), oauth.close()]).then(() => ""));
  process.exit(0);
}

if (scenario === "proxy-refused") {
  // The matrix's proxy wants other credentials than the ones in the proxy URL it set.
  await check("a 407 from the proxy is a clear AtlasConnectionError without the password", async () => {
    const error = await digest.getBackupExportJob(jobs.documented).then(
      () => undefined,
      (caught) => caught,
    );
    assert(
      error instanceof AtlasConnectionError,
      `expected AtlasConnectionError, got ${error?.name ?? "a job"}`,
    );
    assert(
      /407|credentials/.test(error.message),
      `the message names no 407 or credentials: ${error.message}`,
    );
    const shown = [error.message, String(error.stack), JSON.stringify(error), JSON.stringify(digest)].join(
      "\n",
    );
    assert(!shown.includes(config.proxyPassword), "the proxy password appears in the error or the client");
    return error.message.replace(/^.*?: /, "").slice(0, 90);
  });
  process.exit(0);
}

if (scenario === "trust") {
  if (ca !== undefined) {
    await check("untrusted certificate is a clear AtlasConnectionError", async () => {
      // A retry would wait out a 10-minute backoff, past this check's time limit: none may be made.
      const noSecondTry = { maxRetries: 1, initialDelayMs: 600_000, maxDelayMs: 600_000 };
      const untrusted = createAtlasClient({ auth: digestAuth(apiKey), baseUrl, retry: noSecondTry });
      const error = await untrusted.getBackupExportJob(jobs.documented).then(
        () => undefined,
        (caught) => caught,
      );
      assert(
        error instanceof AtlasConnectionError,
        `expected AtlasConnectionError, got ${error?.name ?? "a job"}`,
      );
      assert(/not trusted/.test(error.message), `the message does not say "not trusted": ${error.message}`);
      assert(/NODE_EXTRA_CA_CERTS/.test(error.message), `the message names no fix: ${error.message}`);
      assert(error.code !== undefined, `the error names no code, so it would be retried: ${error.message}`);
      return error.code;
    });
  }
  const how = ca === undefined ? "NODE_EXTRA_CA_CERTS" : "the ca option";
  await check(`digest auth over HTTPS, CA trusted through ${how}`, () => getDocumentedJob(digest, 1));
  await check(`service account auth over HTTPS, CA trusted through ${how}`, () => getDocumentedJob(oauth, 1));
  await check("close", () => Promise.all([digest.close(), oauth.close()]).then(() => ""));
  process.exit(0);
}

await check("digest auth", async () => {
  const job = await digest.getBackupExportJob(jobs.documented);
  assert(job.id === jobs.documented.exportId, `expected job ${jobs.documented.exportId}, got ${job.id}`);
  return `${job.id} is ${job.state}`;
});

await check("service account auth", async () => {
  const job = await oauth.getBackupExportJob(jobs.documented);
  assert(job.id === jobs.documented.exportId, `expected job ${jobs.documented.exportId}, got ${job.id}`);
  return `${job.id} is ${job.state}`;
});

await check("404 is AtlasApiError", async () => {
  const error = await digest.getBackupExportJob(jobs.missing).then(
    () => undefined,
    (caught) => caught,
  );
  assert(error instanceof AtlasApiError, `expected AtlasApiError, got ${error?.name ?? "a job"}`);
  assert(error.status === 404, `expected status 404, got ${error.status}`);
  return `${error.status} ${error.errorCode}`;
});

await check("retry after 503", async () => {
  // The matrix injects one 503 for this job's path; the client must retry it and return the job.
  const job = await oauth.getBackupExportJob(jobs.flaky);
  assert(job.id === jobs.flaky.exportId, `expected job ${jobs.flaky.exportId}, got ${job.id}`);
  return `${job.id} is ${job.state}`;
});

await check("waitForBackupExportJob", async () => {
  const states = [];
  const job = await oauth.waitForBackupExportJob(jobs.running, {
    pollIntervalMs: 100,
    maxPollIntervalMs: 200,
    timeoutMs: 30_000,
    onProgress: (progress) => states.push(progress.state),
  });
  assert(job.state === "Successful", `expected Successful, got ${job.state}`);
  assert(states.length >= 2, `expected progress before the end, got ${JSON.stringify(states)}`);
  return [...new Set(states)].join(" -> ");
});

await check("close", async () => {
  await Promise.all([digest.close(), oauth.close()]);
});
