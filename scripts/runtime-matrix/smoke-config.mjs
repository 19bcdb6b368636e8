// What the emulator serves for one runtime's run and what the smoke program and the CLI are asked to do.

/** Export ids of the jobs the matrix adds next to the documented one (24 hex digits, as Atlas's). */
export const SMOKE_EXPORT_IDS = Object.freeze({
  missing: "6650a1b2c3d4e5f6000000ff",
  flaky: "6650a1b2c3d4e5f6000000f1",
  running: "6650a1b2c3d4e5f6000000a1",
  cliDone: "6650a1b2c3d4e5f6000000c1",
  cliRunning: "6650a1b2c3d4e5f6000000c2",
});

/** A job that runs for about a second, long enough for the smoke and `watch` to see it in progress. */
export const RUNNING_JOB_TIMING = Object.freeze({ queuedMs: 300, durationMs: 900, totalCollections: 6 });

/** The job references, all in the documented job's project and cluster. */
export function smokeJobs(documented) {
  const { groupId, clusterName } = documented;
  const ref = (exportId) => ({ groupId, clusterName, exportId });
  return {
    documented: ref(documented.exportId),
    ...Object.fromEntries(Object.entries(SMOKE_EXPORT_IDS).map(([key, id]) => [key, ref(id)])),
  };
}

/** The URL path of a job, as the emulator's fault rules match it. */
export function jobPath({ groupId, clusterName, exportId }) {
  return `/api/atlas/v2/groups/${groupId}/clusters/${clusterName}/backup/exports/${exportId}`;
}

/**
 * `startMockAtlas` options: the documented job, two jobs that are already Successful (the flaky one for
 * the retry, one for `atlas-export get`) and one 503 for the first request of the flaky job's path. The
 * running jobs are added right before they are used (their clock starts when added).
 */
export function emulatorOptions(documented, jobs = smokeJobs(documented)) {
  const finished = { queuedMs: 0, durationMs: 1, totalCollections: 3, createdAt: "2026-01-01T00:00:00Z" };
  return {
    jobs: [documented, { ...jobs.flaky, ...finished }, { ...jobs.cliDone, ...finished }],
    faults: [{ match: { path: jobPath(jobs.flaky) }, times: 1, fault: { type: "status", status: 503 } }],
  };
}

/** A job definition that starts now and is Successful about a second later. */
export function runningJobDefinition(ref) {
  return { ...ref, ...RUNNING_JOB_TIMING };
}

/**
 * The SMOKE_CONFIG the smoke program reads; `scenario` "workflow" (default), "proxy" or "trust"; `ca` and
 * `proxy` become the clients' options.
 */
export function smokeConfig({
  baseUrl,
  apiKey,
  serviceAccount,
  jobs,
  scenario = "workflow",
  ca,
  proxy,
  proxyPassword,
}) {
  return JSON.stringify({
    scenario,
    baseUrl,
    apiKey,
    serviceAccount,
    jobs,
    ...(ca === undefined ? {} : { ca }),
    ...(proxy === undefined ? {} : { proxy }),
    ...(proxyPassword === undefined ? {} : { proxyPassword }),
  });
}
