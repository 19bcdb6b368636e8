#!/usr/bin/env node
// `npm run demo`: the whole product on an embedded default, no Atlas account needed.
// 1. starts the emulator (@atlas-export/mock-server) on a free loopback port with a sharded export job
//    that completes in about 10 s,
// 2. `atlas-export watch` with service-account credentials (OAuth client credentials): a live progress
//    bar on a terminal, one line per change otherwise,
// 3. `atlas-export get --output json` with an API key (HTTP Digest),
// 4. prints a summary and stops the emulator: exit 0, nothing left running (also on failure or Ctrl-C).
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

// The documentation page's example ids, on a three-shard cluster.
const JOB = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
  totalCollections: 48,
  shards: 3,
  queuedMs: Math.round(durationMs * 0.2),
  durationMs: Math.round(durationMs * 0.8),
  customData: [{ key: "requestedBy", value: "npm run demo" }],
};
// Poll often enough that the bar moves smoothly through a short export (the CLI default starts at 2 s).
const pollSeconds = String(Math.max(0.05, Math.min(0.5, durationMs / 20_000)));
const ids = ["--project-id", JOB.groupId, "--cluster-name", JOB.clusterName, "--export-id", JOB.exportId];

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
    cleanUp().finally(() => process.exit(130));
  });
}

/** The environment for the CLI: only the demo's credentials, never the user's real Atlas ones. */
function cliEnv(credentials) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("MONGODB_ATLAS_")),
  );
  return { ...env, ...credentials };
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

// Bold headings on a terminal only, so CI logs and files stay plain text.
const bold = process.stdout.isTTY && !process.env.NO_COLOR;

function heading(text) {
  console.log(bold ? `\n\x1b[1m${text}\x1b[0m` : `\n${text}`);
}

async function main() {
  mock = await startMockAtlas({
    host: "127.0.0.1",
    port: 0,
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
    jobs: [],
  });
  const url = mock.url;
  console.log(
    `Atlas emulator listening on ${url} (sharded export job, ${JOB.totalCollections} collections on ${JOB.shards} shards)`,
  );

  heading("$ atlas-export watch   # service account: MONGODB_ATLAS_CLIENT_ID / MONGODB_ATLAS_CLIENT_SECRET");
  // Added now rather than at start-up so the job's Queued phase is not spent while the emulator boots.
  mock.jobs.add(JOB);
  const started = Date.now();
  const watch = await runCli(
    [
      "watch",
      ...ids,
      "--base-url",
      url,
      "--poll-interval",
      pollSeconds,
      "--max-poll-interval",
      pollSeconds,
      "--output",
      "table",
    ],
    {
      MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
      MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
    },
  );
  const watchSeconds = ((Date.now() - started) / 1000).toFixed(1);
  if (watch.code !== 0) throw new Error(`atlas-export watch exited ${watch.code}`);

  heading(
    "$ atlas-export get --output json   # API key: MONGODB_ATLAS_PUBLIC_API_KEY / MONGODB_ATLAS_PRIVATE_API_KEY",
  );
  const get = await runCli(
    ["get", ...ids, "--base-url", url, "--output", "json"],
    {
      MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
      MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
    },
    { capture: true },
  );
  process.stdout.write(get.stdout);
  if (get.code !== 0) throw new Error(`atlas-export get exited ${get.code}`);
  const job = JSON.parse(get.stdout);

  const stats = { ...mock.stats };
  await cleanUp();

  heading("Demo summary");
  const rows = [
    [
      "watch",
      `service account (OAuth bearer token): ${job.state} after ${watchSeconds} s, exit ${watch.code}`,
    ],
    [
      "get",
      `API key (HTTP Digest): ${job.state}, ${job.exportStatus?.exportedCollections}/${job.exportStatus?.totalCollections} collections, ${job.components?.length ?? 0} shards, exit ${get.code}`,
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
