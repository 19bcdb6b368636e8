import { spawn, spawnSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo, type Socket } from "node:net";
import type { MockAtlas, MockJobDefinition } from "@atlas-export/mock-server";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, startMockAtlas } from "@atlas-export/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { CLI_PATH, runBuiltCli, runBuiltCliOnTerminal, type CliRun } from "./support/run-built-cli.js";

const GROUP_ID = "32b6e34b3d91647abb20e7b8";
const CLUSTER = "Cluster0";
const START = Date.parse("2026-01-01T00:00:00Z");

const SERVICE_ACCOUNT_ENV = {
  MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
  MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
};
const API_KEY_ENV = {
  MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
  MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
};

let mock: MockAtlas;
let nextId = 0x100;

/**
 * The emulator's time moves one second per request it receives, so a job's lifecycle plays out over a
 * fixed number of polls however fast or slow the machine is: no sleeping, no timing assertions.
 */
const requestDrivenClock = { now: () => START + (mock?.stats.requests ?? 0) * 1000 };

/** Adds a job with a fresh export id and returns the CLI's id flags for it. */
function addJob(definition: Omit<MockJobDefinition, "groupId" | "clusterName" | "exportId"> = {}) {
  const exportId = (nextId++).toString(16).padStart(24, "0");
  mock.jobs.add({ groupId: GROUP_ID, clusterName: CLUSTER, exportId, ...definition });
  return {
    exportId,
    args: [
      "--project-id",
      GROUP_ID,
      "--cluster-name",
      CLUSTER,
      "--export-id",
      exportId,
      "--base-url",
      mock.url,
    ],
  };
}

// Polls every 50 ms (the emulator clock does not care how long that is) so a watch takes well under a second.
const FAST_POLL = ["--poll-interval", "0.05", "--max-poll-interval", "0.05"];

function expectNoStackTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

function expectNoSecrets(run: CliRun): void {
  for (const secret of [DEMO_API_KEY.privateKey, DEMO_SERVICE_ACCOUNT.clientSecret, "wrong-secret-value"]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

beforeAll(async () => {
  mock = await startMockAtlas({
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
    jobs: [],
    clock: requestDrivenClock,
    // Every CLI run mints its own token; the 10-a-minute limit (on a clock this fast) is the emulator's
    // own test subject, not this one's.
    tokenRateLimit: false,
  });
});

afterAll(async () => {
  await mock?.close();
});

describe("atlas-export get", () => {
  it("prints the job as JSON when stdout is not a terminal and exits 0", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0, totalCollections: 5, shards: 2 });
    const run = await runBuiltCli(["get", ...job.args], SERVICE_ACCOUNT_ENV);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({
      id: job.exportId,
      state: "Successful",
      exportStatus: { exportedCollections: 5, totalCollections: 5 },
    });
    expect(printed.components).toHaveLength(2);
  });

  it("prints a table with --output table, authenticating with an API key (digest)", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0, totalCollections: 3 });
    const before = mock.stats.digestAuthenticated;
    const run = await runBuiltCli(["get", ...job.args, "--output", "table"], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Export job +${job.exportId}$`, "m"));
    expect(run.stdout).toMatch(/^State +Successful$/m);
    expect(run.stdout).toMatch(/^Progress +3\/3 collections \(100%\)$/m);
    expect(mock.stats.digestAuthenticated).toBeGreaterThan(before);
  });

  it("prints Atlas's {status, content} wrapper with --envelope", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0 });
    const run = await runBuiltCli(["get", ...job.args, "--envelope"], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 200,
      content: { id: job.exportId, state: "Successful" },
    });
  });

  it("reads the base URL from MONGODB_ATLAS_BASE_URL", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0 });
    const args = job.args.slice(0, -2); // without --base-url
    const run = await runBuiltCli(["get", ...args], { ...API_KEY_ENV, MONGODB_ATLAS_BASE_URL: mock.url });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe(job.exportId);
  });

  it("takes credentials from flags, warning that they show in process lists", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0 });
    const run = await runBuiltCli([
      "get",
      ...job.args,
      "--client-id",
      DEMO_SERVICE_ACCOUNT.clientId,
      "--client-secret",
      DEMO_SERVICE_ACCOUNT.clientSecret,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning: --client-secret on the command line is visible .* MONGODB_ATLAS_CLIENT_SECRET/,
    );
    expectNoSecrets(run);
  });

  it.each(["Failed", "Cancelled"] as const)(
    "exits 0 after printing a job that is %s (get succeeded; the job's state is in the output)",
    async (outcome) => {
      const job = addJob({
        queuedMs: 0,
        durationMs: 0,
        outcome,
        stateReason: {
          errorCode: "EXPORT_BUCKET_ACCESS_DENIED",
          message: "Access denied to the export bucket.",
        },
      });
      const run = await runBuiltCli(["get", ...job.args], API_KEY_ENV);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        state: outcome,
        stateReason: { errorCode: "EXPORT_BUCKET_ACCESS_DENIED" },
      });
      expect(run.stderr).toBe("");
    },
  );

  it("prints a job in a state it does not know as such and exits 5, not 0", async () => {
    const body = { id: "32b6e34b3d91647abb20e7b8", exportBucketId: "b", state: { name: "Successful" } };
    const job = addJob({ body: body as never });
    const run = await runBuiltCli(["get", ...job.args, "--output", "table"], API_KEY_ENV);
    expect(run.code).toBe(5);
    expect(run.stdout).toMatch(/^State +\{"name":"Successful"\} \(unknown state\)$/m);
    expect(run.stdout).not.toContain("[object Object]");
    expect(run.stderr).toMatch(/is in a state this version does not know/);
    expectNoStackTrace(run);
  });

  it("renders a job whose components are not a list without crashing", async () => {
    const body = {
      id: "32b6e34b3d91647abb20e7b8",
      exportBucketId: "b",
      state: "Successful",
      components: "x",
    };
    const job = addJob({ body: body as never });
    const run = await runBuiltCli(["get", ...job.args, "--output", "table"], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Shards +x$/m);
    expectNoStackTrace(run);
  });

  it("strips control sequences from server text in the table but prints JSON exactly as received", async () => {
    const hostile =
      "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\\r\nfake line";
    const body = {
      id: "32b6e34b3d91647abb20e7b8",
      exportBucketId: "b",
      state: "Failed",
      prefix: hostile,
      stateReason: { errorCode: "EXPORT_FAILED", message: hostile },
      customData: [{ key: "note", value: hostile }],
    };
    const job = addJob({ body: body as never });
    const table = await runBuiltCli(["get", ...job.args, "--output", "table"], API_KEY_ENV);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(table.stdout).toMatch(/^Custom data +note=click fake line$/m);
    const json = await runBuiltCli(["get", ...job.args, "--output", "json"], API_KEY_ENV);
    expect(JSON.parse(json.stdout)).toEqual(body);
  });
});

describe("jobs describe and jobs watch (get and watch are their aliases)", () => {
  it("jobs describe takes the project id from MONGODB_ATLAS_PROJECT_ID", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0 });
    const run = await runBuiltCli(["jobs", "describe", ...job.args.slice(2)], {
      ...API_KEY_ENV,
      MONGODB_ATLAS_PROJECT_ID: GROUP_ID,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: job.exportId, state: "Successful" });
  });

  it("jobs watch follows a job to Successful", async () => {
    const job = addJob({ queuedMs: 1_000, durationMs: 2_000, totalCollections: 2 });
    const run = await runBuiltCli(["jobs", "watch", ...job.args, ...FAST_POLL], API_KEY_ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: job.exportId, state: "Successful" });
  });
});

describe("atlas-export watch", () => {
  it("prints one line per change when stderr is not a terminal, then the final job, and exits 0", async () => {
    // Queued for the token request and a few polls (each request moves the emulator clock by 1 s).
    const job = addJob({ queuedMs: 5_000, durationMs: 6_000, totalCollections: 6, shards: 3 });
    const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL], SERVICE_ACCOUNT_ENV);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("\x1b");
    const lines = run.stderr.trimEnd().split("\n");
    for (const line of lines) expect(line).toMatch(/^\[\d+:\d\d\] (Queued|InProgress|Successful)  /);
    expect(lines[0]).toMatch(/Queued  0\/6 collections \(0%\)$/);
    expect(lines.some((line) => /InProgress  [1-5]\/6 collections/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/Successful  6\/6 collections \(100%\)$/);
    expect(new Set(lines.map((line) => line.slice(line.indexOf("]")))).size).toBe(lines.length);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: job.exportId, state: "Successful" });
  });

  it("follows a job with --envelope and prints the final job in Atlas's {status, content} wrapper", async () => {
    const job = addJob({ queuedMs: 2_000, durationMs: 3_000, totalCollections: 2 });
    const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL, "--envelope"], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 200,
      content: { id: job.exportId, state: "Successful" },
    });
  });

  it("ends with a table on stdout with --output table", async () => {
    const job = addJob({ queuedMs: 1_000, durationMs: 2_000, totalCollections: 2 });
    const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL, "--output", "table"], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^State +Successful$/m);
    expect(run.stdout).toMatch(/^Finished +\S+$/m);
  });

  it.each([
    [
      "Failed",
      { errorCode: "EXPORT_FAILED", message: "The snapshot could not be read." },
      "ended Failed: EXPORT_FAILED: The snapshot could not be read.",
    ],
    ["Cancelled", undefined, "ended Cancelled (Atlas gave no reason)"],
  ] as const)(
    "exits 1 and prints the stateReason when the export ends %s",
    async (outcome, stateReason, message) => {
      const job = addJob({
        queuedMs: 0,
        durationMs: 3_000,
        totalCollections: 8,
        outcome,
        ...(stateReason ? { stateReason } : {}),
      });
      const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL], SERVICE_ACCOUNT_ENV);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trimEnd().split("\n").at(-2)).toMatch(new RegExp(`${outcome}  4/8 collections`));
      expect(JSON.parse(run.stdout).state).toBe(outcome);
      expectNoStackTrace(run);
    },
  );

  it("exits 5 when the export does not finish within --timeout, in the unit the user typed", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 1_000_000_000 });
    // Every poll of this job hangs, so the deadline always comes first, however loaded the machine is
    // (what was last seen before it is watchExportJob's unit test).
    mock.faults.add({
      match: { path: new RegExp(`${job.exportId}$`) },
      fault: { type: "delay", ms: 600_000 },
    });
    try {
      const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL, "--timeout", "0.3"], API_KEY_ENV);
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/timed out: .*did not finish within --timeout 0\.3 s \(no answer yet\)/);
      expect(run.stderr).not.toMatch(/\d ms/);
      expect(run.stderr).toMatch(/raise --timeout/);
      expectNoStackTrace(run);
    } finally {
      mock.faults.clear();
    }
  });

  it("after jobs create --watch reaches --timeout, says to follow the job with jobs watch, not to create again", async () => {
    // The documented bucket and Cluster0's newest snapshot (the emulator's defaults); its polls hang.
    const bucketAndSnapshot = ["--bucket-id", GROUP_ID, "--snapshot-id", GROUP_ID];
    mock.faults.add({ match: { operationId: "getBackupExportJob" }, fault: { type: "delay", ms: 600_000 } });
    try {
      const run = await runBuiltCli(
        [
          "jobs",
          "create",
          "--project-id",
          GROUP_ID,
          "--cluster-name",
          CLUSTER,
          ...bucketAndSnapshot,
          "--base-url",
          mock.url,
          "--watch",
          "--timeout",
          "0.3",
        ],
        API_KEY_ENV,
      );
      expect(run.code).toBe(5);
      const exportId = /created export job ([0-9a-f]{24})/.exec(run.stderr)?.[1];
      expect(run.stderr).toContain(
        `follow it with \`atlas-export jobs watch --project-id ${GROUP_ID} --cluster-name ${CLUSTER} --export-id ${exportId}\``,
      );
      expect(run.stderr).not.toMatch(/run the command again/);
    } finally {
      mock.faults.clear();
    }
  });

  it("stops at a state it does not know instead of polling forever, exit 5", async () => {
    const body = { id: "32b6e34b3d91647abb20e7b8", exportBucketId: "b", state: "Paused" };
    const job = addJob({ body: body as never });
    const run = await runBuiltCli(["watch", ...job.args, ...FAST_POLL, "--timeout", "30"], API_KEY_ENV);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/Paused \(unknown state\)/);
    expect(run.stderr).toMatch(/is in a state this version does not know/);
    expect(JSON.parse(run.stdout).state).toBe("Paused");
  });

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "exits 128+n on %s (%i), restoring the terminal and revoking the token",
    async (signal, code) => {
      const job = addJob({ queuedMs: 1_000_000_000 });
      const revokedBefore = mock.stats.tokensRevoked;
      const child = spawn(process.execPath, [CLI_PATH, "watch", ...job.args, ...FAST_POLL], {
        env: { PATH: process.env.PATH ?? "", ...SERVICE_ACCOUNT_ENV },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      const firstLine = new Promise<void>((resolve) =>
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk;
          if (stderr.includes("Queued")) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
      await firstLine;
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain("interrupted; the export job keeps running in Atlas.");
      expect(stderr).toContain(`Follow it with \`atlas-export jobs watch --project-id ${GROUP_ID}`);
      expect(mock.stats.tokensRevoked).toBe(revokedBefore + 1);
    },
  );
});

// util-linux `script` runs a command on a pseudo-terminal, so the CLI sees what it sees in a real shell.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("on a terminal (a pseudo-terminal from util-linux script)", () => {
  it("prints a table by default", async () => {
    const job = addJob({ queuedMs: 0, durationMs: 0, totalCollections: 4 });
    const run = await runBuiltCliOnTerminal(["get", ...job.args], API_KEY_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^State +Successful\r?$/m);
    expect(run.stdout).not.toMatch(/^\{/m);
  });

  it("draws the progress bar while watching, hiding and restoring the cursor", async () => {
    const job = addJob({ queuedMs: 3_000, durationMs: 8_000, totalCollections: 8 });
    const run = await runBuiltCliOnTerminal(["watch", ...job.args, ...FAST_POLL], SERVICE_ACCOUNT_ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("\x1b[?25l");
    expect(run.stdout).toContain("\x1b[?25h");
    expect(run.stdout).toMatch(/░+ +0% \| Queued +\| 0\/8 collections \| elapsed \d:\d\d/);
    expect(run.stdout).toMatch(/█{10,30} 100% \| Successful \| 8\/8 collections \| elapsed \d:\d\d/);
    expect(run.stdout).toMatch(/^State +Successful\r?$/m);
  });
});

describe("exit codes", () => {
  it("exits 2 with the usage on stderr when given no arguments", async () => {
    const run = await runBuiltCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/missing command/);
    expect(run.stderr).toMatch(/^Usage:/m);
  });

  it("exits 2 for MONGODB_ATLAS_BASE_URL with a password, without echoing it", async () => {
    const job = addJob();
    const run = await runBuiltCli(["get", ...job.args.slice(0, -2)], {
      ...API_KEY_ENV,
      MONGODB_ATLAS_BASE_URL: mock.url.replace("//", "//me:hunter2@"),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/MONGODB_ATLAS_BASE_URL must not contain a user name or password/);
    expect(run.stderr).not.toContain("hunter2");
  });

  it("exits 2 for a malformed id without calling Atlas", async () => {
    const requests = mock.stats.requests;
    const run = await runBuiltCli(
      [
        "get",
        "--project-id",
        "my-project",
        "--cluster-name",
        CLUSTER,
        "--export-id",
        GROUP_ID,
        "--base-url",
        mock.url,
      ],
      API_KEY_ENV,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--project-id must be a 24-character lowercase hexadecimal id");
    expect(run.stderr).toContain('got "my-project"');
    expect(mock.stats.requests).toBe(requests);
    expectNoStackTrace(run);
  });

  it("exits 2 for an unknown flag, pointing at --help", async () => {
    const run = await runBuiltCli(["watch", "--colour"], API_KEY_ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--colour/);
    expect(run.stderr).toContain("atlas-export watch --help");
  });

  it("exits 3 without credentials and says which variables to set", async () => {
    const job = addJob();
    const run = await runBuiltCli(["get", ...job.args]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("no Atlas credentials found");
    expect(run.stderr).toMatch(/Set MONGODB_ATLAS_CLIENT_ID and MONGODB_ATLAS_CLIENT_SECRET/);
    expectNoStackTrace(run);
  });

  it.each([
    ["a wrong API key", { ...API_KEY_ENV, MONGODB_ATLAS_PRIVATE_API_KEY: "wrong-secret-value" }],
    [
      "a wrong service account secret",
      { ...SERVICE_ACCOUNT_ENV, MONGODB_ATLAS_CLIENT_SECRET: "wrong-secret-value" },
    ],
  ])("exits 3 for %s without printing any secret", async (_name, env) => {
    const job = addJob();
    const run = await runBuiltCli(["get", ...job.args], env);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Check the credentials/);
    expectNoSecrets(run);
    expectNoStackTrace(run);
  });

  it("exits 4 for an export job Atlas does not have", async () => {
    const run = await runBuiltCli(
      [
        "get",
        "--project-id",
        GROUP_ID,
        "--cluster-name",
        CLUSTER,
        "--export-id",
        "ffffffffffffffffffffffff",
        "--base-url",
        mock.url,
      ],
      API_KEY_ENV,
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/404/);
    expect(run.stderr).toMatch(/Check --project-id and the other ids/);
    expectNoStackTrace(run);
  });

  it("exits 5 when Atlas keeps answering with a proxy's HTML 502 page", async () => {
    const job = addJob();
    mock.faults.add({ match: { path: new RegExp(`${job.exportId}$`) }, fault: { type: "html502" } });
    try {
      const run = await runBuiltCli(["get", ...job.args], API_KEY_ENV);
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/502/);
      expect(run.stderr).toMatch(/try again later/);
      expectNoStackTrace(run);
    } finally {
      mock.faults.clear();
    }
  });

  it("exits 5 when the host is unreachable and says to check the base URL", async () => {
    const port = await closedPort();
    const run = await runBuiltCli(
      [
        "get",
        "--project-id",
        GROUP_ID,
        "--cluster-name",
        CLUSTER,
        "--export-id",
        GROUP_ID,
        "--base-url",
        `http://127.0.0.1:${port}`,
      ],
      API_KEY_ENV,
    );
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/could not reach 127\.0\.0\.1:\d+/);
    expect(run.stderr.match(/could not reach/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/Check --base-url or MONGODB_ATLAS_BASE_URL/);
    expectNoStackTrace(run);
  });
});

describe("atlas-export jobs list --state", () => {
  const STATES_CLUSTER = "States0";
  const ids = { queued: "", successful: "", failed: "", paused: "" };
  const list = (...flags: string[]) =>
    runBuiltCli(
      [
        "jobs",
        "list",
        "--project-id",
        GROUP_ID,
        "--cluster-name",
        STATES_CLUSTER,
        "--base-url",
        mock.url,
        ...flags,
      ],
      API_KEY_ENV,
    );
  const newId = () => (nextId++).toString(16).padStart(24, "0");
  const listedIds = (run: CliRun) => JSON.parse(run.stdout).map((job: { id: string }) => job.id);

  beforeAll(() => {
    const add = (
      definition: Omit<MockJobDefinition, "groupId" | "clusterName" | "exportId">,
      exportId = newId(),
    ) => {
      mock.jobs.add({ groupId: GROUP_ID, clusterName: STATES_CLUSTER, exportId, ...definition });
      return exportId;
    };
    ids.queued = add({ queuedMs: 1_000_000_000 });
    ids.successful = add({ queuedMs: 0, durationMs: 0 });
    ids.failed = add({ queuedMs: 0, durationMs: 0, outcome: "Failed" });
    const pausedId = newId();
    ids.paused = add({ body: { id: pausedId, exportBucketId: "b", state: "Paused" } as never }, pausedId);
  });

  it("lists every job, whatever its state, without --state", async () => {
    const run = await list();
    expect(run.code, run.stderr).toBe(0);
    expect(listedIds(run).sort()).toEqual(Object.values(ids).sort());
  });

  it("keeps only the jobs in the state given", async () => {
    const run = await list("--state", "Successful");
    expect(run.code, run.stderr).toBe(0);
    expect(listedIds(run)).toEqual([ids.successful]);
  });

  it("keeps the jobs in any of the states given when --state is repeated", async () => {
    const run = await list("--state", "Queued", "--state", "Failed");
    expect(run.code, run.stderr).toBe(0);
    expect(listedIds(run).sort()).toEqual([ids.queued, ids.failed].sort());
  });

  it("refuses a state the spec does not define with exit 2, naming the states", async () => {
    const requests = mock.stats.requests;
    const run = await list("--state", "successful");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--state must be Cancelled or Failed or InProgress or Queued or Successful; got "successful"/,
    );
    expect(mock.stats.requests).toBe(requests);
  });
});

describe("messages name the CLI's flags and variables, not the client's options", () => {
  const getArgs = () => ["get", ...addJob().args];

  it("names HTTP_PROXY, not a `proxy` option, when the proxy cannot be reached", async () => {
    const run = await runBuiltCli(getArgs(), {
      ...API_KEY_ENV,
      HTTP_PROXY: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      /could not connect to the proxy .*\(ECONNREFUSED\): check HTTPS_PROXY\/HTTP_PROXY;/,
    );
    expect(run.stderr).not.toMatch(/option/);
  });

  it("says to put the proxy's credentials in HTTPS_PROXY, not in a `proxy` option, on a 407", async () => {
    const proxy = createHttpServer();
    proxy.on("connect", (_request, socket: Socket) =>
      socket.end("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n"),
    );
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const run = await runBuiltCli(getArgs(), { ...API_KEY_ENV, HTTP_PROXY: `http://127.0.0.1:${port}` });
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/answered 407 .*user and password in its URL .* in HTTPS_PROXY\n/);
      expect(run.stderr).not.toMatch(/option/);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("says the cluster name is case-sensitive and must exist for CLUSTER_NOT_FOUND (exit 4)", async () => {
    const run = await runBuiltCli(
      [
        "get",
        "--project-id",
        GROUP_ID,
        "--cluster-name",
        "cluster0",
        "--export-id",
        GROUP_ID,
        "--base-url",
        mock.url,
      ],
      API_KEY_ENV,
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/404 CLUSTER_NOT_FOUND/);
    expect(run.stderr).toMatch(
      /^Check --cluster-name: a cluster name is case-sensitive .* must exist in the project/m,
    );
  });
});

describe("atlas-export --verbose", () => {
  it("prints every attempt of the call on stderr, a retried 503 included, and keeps stdout JSON", async () => {
    const job = addJob();
    mock.faults.add({
      match: { path: new RegExp(`${job.exportId}$`) },
      times: 1,
      fault: { type: "status", status: 503 },
    });
    try {
      const run = await runBuiltCli(["get", ...job.args, "--verbose"], API_KEY_ENV);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).id).toBe(job.exportId);
      const lines = run.stderr.split("\n").filter((line) => line.includes(" → "));
      const url = `${mock.url}/api/atlas/v2/groups/${GROUP_ID}/clusters/${CLUSTER}/backup/exports/${job.exportId}`;
      expect(lines).toEqual([
        expect.stringMatching(new RegExp(`^atlas-export: GET ${escape(url)} → 503 .*\\(\\d+ ms\\)$`)),
        expect.stringMatching(new RegExp(`^atlas-export: GET ${escape(url)} → 200 OK \\(\\d+ ms\\)$`)),
      ]);
      expectNoSecrets(run);
    } finally {
      mock.faults.clear();
    }
  });

  it("prints no request lines without --verbose", async () => {
    const job = addJob();
    const run = await runBuiltCli(["get", ...job.args], SERVICE_ACCOUNT_ENV);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain(" → ");
  });
});

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("help and version", () => {
  it.each([[["--help"]], [["get", "--help"]], [["watch", "--help"]], [["jobs", "describe", "--help"]]])(
    "%j prints usage with every exit code and exits 0",
    async (args) => {
      const run = await runBuiltCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage:/m);
      for (const code of [0, 1, 2, 3, 4, 5, 130, 143])
        expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
    },
  );

  it("prints the package version with --version", async () => {
    const run = await runBuiltCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
  });
});

/** A loopback port nothing listens on: bind one, then close it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
