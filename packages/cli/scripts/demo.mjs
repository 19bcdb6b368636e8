#!/usr/bin/env node
// `npm run demo`: the whole export workflow against the local emulator, no Atlas account needed.
// 1. starts the emulator (@atlas-export/mock-server) on a free loopback port (Cluster0 has three daily
//    snapshots; created exports run Queued -> InProgress -> Successful in about 10 s),
// 2. `atlas-export buckets create` an AWS export bucket (API key, HTTP Digest),
// 3. `atlas-export snapshots list` the cluster's snapshots,
// 4. `atlas-export jobs create --latest-snapshot --watch` (service account, OAuth): a live progress bar
//    on a terminal, one line per change otherwise, until Successful,
// 5. `atlas-export jobs list` the cluster's exports,
// 6. prints a summary and stops the emulator: exit 0, nothing left running (also on failure or Ctrl-C).
//
// ATLAS_EXPORT_DEMO_DURATION_MS shortens the export (the CI test uses it); the default is 10 000.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, startMockAtlas } from "@atlas-export/mock-server";

const cliPath = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const durationMs = Number(process.env.ATLAS_EXPORT_DEMO_DURATION_MS ?? 10_000);
if (!Number.isFinite(durationMs) || durationMs < 100) {
  console.error("demo: ATLAS_EXPORT_DEMO_DURATION_MS must be a number of milliseconds >= 100");
  process.exit(2);
}
if (!existsSync(cliPath)) {
  console.error(
    "demo: dist/cli.js is missing; run `npm run demo` from the repository root (it builds first)",
  );
  process.exit(2);
}

// The documentation page's example project and cluster.
const PROJECT_ID = "32b6e34b3d91647abb20e7b8";
const CLUSTER = "Cluster0";
const TOTAL_COLLECTIONS = 48;
// Poll often enough that the bar moves smoothly through a short export (the CLI default starts at 2 s).
const pollSeconds = String(Math.max(0.05, Math.min(0.5, durationMs / 20_000)));

const API_KEY = {
  MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
  MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
};
const SERVICE_ACCOUNT = {
  MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
  MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
};

const children = new Set();
let mock;
let stopping = false;

/**
 * Asks a running CLI to stop (SIGTERM: it aborts, restores the terminal and revokes its token), waits
 * for it, and kills it only if it has not exited within 5 s.
 */
function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Stops what the demo started: the CLI if it is still running, then (once it has exited) the emulator. */
async function cleanUp() {
  await Promise.all([...children].map(stopChild));
  if (mock) {
    const closing = mock;
    mock = undefined;
    await closing.close();
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\ndemo: ${signal}: stopping the emulator`);
    cleanUp().finally(() => process.exit(signal === "SIGTERM" ? 143 : 130));
  });
}

/** The environment for the CLI: only the demo's emulator and credentials, never the user's real Atlas ones. */
function cliEnv(credentials) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("MONGODB_ATLAS_")),
  );
  return { ...env, MONGODB_ATLAS_BASE_URL: mock.url, MONGODB_ATLAS_PROJECT_ID: PROJECT_ID, ...credentials };
}

/** Runs the built CLI; stdout is passed through, or captured when `capture` is set. */
function runCli(args, credentials, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: cliEnv(credentials),
      stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    });
    children.add(child);
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 128 : 1), stdout });
    });
  });
}

/** Runs one step: shows the command, runs it, fails the demo on a non-zero exit. */
async function step(title, args, credentials, options) {
  heading(`$ atlas-export ${args.join(" ")}`, title);
  const run = await runCli(args, credentials, options);
  if (run.code !== 0) throw new Error(`atlas-export ${args.slice(0, 2).join(" ")} exited ${run.code}`);
  return run;
}

// Bold headings on a terminal only, so CI logs and files stay plain text.
const bold = process.stdout.isTTY && !process.env.NO_COLOR;

function heading(command, note) {
  const text = `${command}   # ${note}`;
  console.log(bold ? `\n\x1b[1m${text}\x1b[0m` : `\n${text}`);
}

async function main() {
  mock = await startMockAtlas({
    host: "127.0.0.1",
    port: 0,
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
    jobs: [],
    buckets: [],
    exportJobLifecycle: {
      queuedMs: Math.round(durationMs * 0.2),
      durationMs: Math.round(durationMs * 0.8),
      totalCollections: TOTAL_COLLECTIONS,
    },
  });
  console.log(`Atlas emulator listening on ${mock.url} (project ${PROJECT_ID}, cluster ${CLUSTER})`);
  const tables = ["--output", "table"];

  const bucketRun = await step(
    "API key (HTTP Digest)",
    [
      "buckets",
      "create",
      "--cloud-provider",
      "AWS",
      "--bucket-name",
      "demo-exports",
      "--iam-role-id",
      "668c5f0ed436263134491592",
      "--output",
      "json",
    ],
    API_KEY,
    { capture: true },
  );
  process.stdout.write(bucketRun.stdout);
  const bucket = JSON.parse(bucketRun.stdout);

  await step(
    "the cluster's snapshots, newest first",
    ["snapshots", "list", "--cluster-name", CLUSTER, ...tables],
    API_KEY,
  );

  const started = Date.now();
  const exportArgs = [
    "jobs",
    "create",
    "--cluster-name",
    CLUSTER,
    "--bucket-id",
    bucket._id,
    "--latest-snapshot",
    "--custom-data",
    "requestedBy=npm-run-demo",
    "--watch",
    "--poll-interval",
    pollSeconds,
    "--max-poll-interval",
    pollSeconds,
    ...tables,
  ];
  await step("service account (OAuth bearer token)", exportArgs, SERVICE_ACCOUNT);
  const exportSeconds = ((Date.now() - started) / 1000).toFixed(1);

  const listRun = await step(
    "the cluster's exports",
    ["jobs", "list", "--cluster-name", CLUSTER, "--output", "json"],
    API_KEY,
    { capture: true },
  );
  const jobs = JSON.parse(listRun.stdout);
  process.stdout.write(
    `${jobs.length} export job(s): ${jobs.map((job) => `${job.id} ${job.state}`).join(", ")}\n`,
  );

  const stats = { ...mock.stats };
  await cleanUp();

  heading("Demo summary", "every step exited 0");
  const rows = [
    ["bucket", `${bucket.cloudProvider} ${bucket.bucketName} (${bucket._id}), created with an API key`],
    [
      "export",
      `latest snapshot to ${bucket.bucketName}: Successful after ${exportSeconds} s (service account)`,
    ],
    [
      "exports",
      `${jobs.length} listed, ${jobs.filter((job) => job.state === "Successful").length} Successful`,
    ],
    [
      "emulator",
      `${stats.requests} requests, ${stats.tokensMinted} token minted / ${stats.tokensRevoked} revoked, ${stats.challenges} digest challenge(s); stopped`,
    ],
  ];
  for (const [label, text] of rows) console.log(`  ${label.padEnd(9)} ${text}`);
}

try {
  await main();
} catch (error) {
  if (!stopping) {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  }
}
