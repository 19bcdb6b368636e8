import type { MockAtlas } from "@atlas-export/mock-server";
import { DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, startMockAtlas } from "@atlas-export/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { runBuiltCli, runBuiltCliOnTerminal, type CliRun } from "./support/run-built-cli.js";

// The emulator's default state: project 32b6…b8 holds the documented AWS bucket (_id 32b6…b8) and
// Cluster0 has three completed daily snapshots, the newest 32b6…b8.
const GROUP_ID = "32b6e34b3d91647abb20e7b8";
const DOCUMENTED_BUCKET = "32b6e34b3d91647abb20e7b8";
const NEWEST_SNAPSHOT = "32b6e34b3d91647abb20e7b8";
const OLDER_SNAPSHOT = "32b6e34b3d91647abb20e7b9";
const START = Date.parse("2026-01-01T00:00:00Z");

let mock: MockAtlas;
let env: Record<string, string>;
const SERVICE_ACCOUNT = {
  MONGODB_ATLAS_CLIENT_ID: DEMO_SERVICE_ACCOUNT.clientId,
  MONGODB_ATLAS_CLIENT_SECRET: DEMO_SERVICE_ACCOUNT.clientSecret,
};

/** The emulator's time moves one second per request, so lifecycles play out over a fixed number of polls. */
const requestDrivenClock = { now: () => START + (mock?.stats.requests ?? 0) * 1000 };
const FAST_POLL = ["--poll-interval", "0.05", "--max-poll-interval", "0.05"];

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runBuiltCli(args, { ...env, ...extraEnv });
}

/** Creates a GCP export bucket named `name` through the CLI and returns its `_id`. */
async function createBucket(name: string): Promise<string> {
  const run = await cli([
    "buckets",
    "create",
    "--cloud-provider",
    "GCP",
    "--bucket-name",
    name,
    "--role-id",
    "668c5f0ed436263134491592",
  ]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout)._id;
}

function expectNoStackTrace(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  mock = await startMockAtlas({
    apiKeys: [DEMO_API_KEY],
    serviceAccounts: [DEMO_SERVICE_ACCOUNT],
    clock: requestDrivenClock,
    exportJobLifecycle: { queuedMs: 2_000, durationMs: 4_000, totalCollections: 4 },
    tokenRateLimit: false,
  });
  env = {
    MONGODB_ATLAS_PUBLIC_API_KEY: DEMO_API_KEY.publicKey,
    MONGODB_ATLAS_PRIVATE_API_KEY: DEMO_API_KEY.privateKey,
    MONGODB_ATLAS_BASE_URL: mock.url,
    MONGODB_ATLAS_PROJECT_ID: GROUP_ID,
  };
});

afterAll(async () => {
  await mock?.close();
});

describe("atlas-export buckets", () => {
  it("list prints every bucket of the project as JSON when piped", async () => {
    const run = await cli(["buckets", "list"]);
    expect(run.code, run.stderr).toBe(0);
    const buckets = JSON.parse(run.stdout);
    expect(buckets).toEqual(expect.arrayContaining([expect.objectContaining({ _id: DOCUMENTED_BUCKET })]));
  });

  it("list prints a table with --output table", async () => {
    const run = await cli(["buckets", "list", "--output", "table"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ID +PROVIDER +BUCKET +ROLE/);
    expect(run.stdout).toMatch(new RegExp(`^${DOCUMENTED_BUCKET} +AWS +export-bucket `, "m"));
  });

  it.each([
    [
      "AWS",
      [
        "--bucket-name",
        "my-exports",
        "--iam-role-id",
        "668c5f0ed436263134491592",
        "--require-private-networking",
      ],
      { cloudProvider: "AWS", bucketName: "my-exports", iamRoleId: "668c5f0ed436263134491592" },
    ],
    [
      "AZURE",
      [
        "--role-id",
        "668c5f0ed436263134491592",
        "--service-url",
        "https://examplestorageaccount.blob.core.windows.net/examplecontainer",
      ],
      { cloudProvider: "AZURE", roleId: "668c5f0ed436263134491592" },
    ],
    [
      "GCP",
      ["--bucket-name", "gcp-exports", "--role-id", "668c5f0ed436263134491592"],
      { cloudProvider: "GCP", bucketName: "gcp-exports" },
    ],
  ])(
    "create --cloud-provider %s creates a bucket that describe then shows",
    async (provider, flags, want) => {
      const created = await cli(["buckets", "create", "--cloud-provider", provider, ...flags]);
      expect(created.code, created.stderr).toBe(0);
      const bucket = JSON.parse(created.stdout);
      expect(bucket).toMatchObject(want);
      const described = await cli(["buckets", "describe", "--bucket-id", bucket._id, "--output", "table"]);
      expect(described.code, described.stderr).toBe(0);
      expect(described.stdout).toMatch(new RegExp(`^Export bucket +${bucket._id}$`, "m"));
      expect(described.stdout).toMatch(new RegExp(`^Cloud provider +${provider}$`, "m"));
    },
  );

  it.each([
    [
      "AWS without --iam-role-id",
      ["--cloud-provider", "AWS", "--bucket-name", "b"],
      /AWS needs --iam-role-id/,
    ],
    [
      "GCP with an AWS flag",
      [
        "--cloud-provider",
        "GCP",
        "--bucket-name",
        "b",
        "--role-id",
        "668c5f0ed436263134491592",
        "--iam-role-id",
        "668c5f0ed436263134491592",
      ],
      /--iam-role-id does not apply to --cloud-provider GCP/,
    ],
    ["an unknown provider", ["--cloud-provider", "OCI"], /--cloud-provider must be AWS or AZURE or GCP/],
  ])("create refuses %s with exit 2 before any request", async (_name, flags, message) => {
    const requests = mock.stats.requests;
    const run = await cli(["buckets", "create", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(mock.stats.requests).toBe(requests);
  });

  it("delete refuses to run without --force when there is no terminal to ask on", async () => {
    const run = await cli(["buckets", "delete", "--bucket-id", DOCUMENTED_BUCKET]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to delete export bucket .* without confirmation/);
    expect(run.stderr).toMatch(/Add --force/);
  });

  it("delete --force deletes the bucket; describing it afterwards exits 4", async () => {
    const id = await createBucket("to-delete");
    const deleted = await cli(["buckets", "delete", "--bucket-id", id, "--force"]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stderr).toContain(`export bucket ${id} deleted`);
    const described = await cli(["buckets", "describe", "--bucket-id", id]);
    expect(described.code).toBe(4);
    expectNoStackTrace(described);
  });

  it("delete of a bucket an export still writes to exits 5 and says to wait for the export", async () => {
    const id = await createBucket("in-use");
    const exported = await cli([
      "jobs",
      "create",
      "--cluster-name",
      "Cluster0",
      "--bucket-id",
      id,
      "--latest-snapshot",
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const deleted = await cli(["buckets", "delete", "--bucket-id", id, "--force"]);
    expect(deleted.code).toBe(5);
    expect(deleted.stderr).toMatch(/400 EXPORT_BUCKET_DELETE_FAILED_BUCKET_IN_USE/);
    expect(deleted.stderr).toMatch(/still running: follow it with `atlas-export jobs list`/);
    expectNoStackTrace(deleted);
  });
});

// util-linux `script` runs the CLI on a pseudo-terminal, where it may ask before deleting.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("buckets delete on a terminal", () => {
  it("asks first and deletes on yes", async () => {
    const id = await createBucket("ask-yes");
    const run = await runBuiltCliOnTerminal(["buckets", "delete", "--bucket-id", id], env, {
      when: "[y/N]",
      type: "y\n",
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`Delete export bucket ${id}? [y/N]`);
    expect(run.stdout).toContain(`export bucket ${id} deleted`);
    expect((await cli(["buckets", "describe", "--bucket-id", id])).code).toBe(4);
  });

  it("keeps the bucket on no", async () => {
    const id = await createBucket("ask-no");
    const run = await runBuiltCliOnTerminal(["buckets", "delete", "--bucket-id", id], env, {
      when: "[y/N]",
      type: "n\n",
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("not deleted");
    expect((await cli(["buckets", "describe", "--bucket-id", id])).code).toBe(0);
  });
});

describe("atlas-export snapshots list", () => {
  it("lists a cluster's snapshots", async () => {
    const run = await cli(["snapshots", "list", "--cluster-name", "Cluster0"]);
    expect(run.code, run.stderr).toBe(0);
    const ids = JSON.parse(run.stdout).map((snapshot: { id: string }) => snapshot.id);
    expect(ids).toEqual(expect.arrayContaining([NEWEST_SNAPSHOT, OLDER_SNAPSHOT]));
  });

  it("needs --cluster-name", async () => {
    const run = await cli(["snapshots", "list"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing --cluster-name/);
  });
});

describe("atlas-export snapshots describe", () => {
  const args = ["snapshots", "describe", "--cluster-name", "Cluster0"];

  it("prints the snapshot as Atlas sent it, the same as the list shows it", async () => {
    const listed = await cli(["snapshots", "list", "--cluster-name", "Cluster0"]);
    const fromList = JSON.parse(listed.stdout).find((item: { id: string }) => item.id === OLDER_SNAPSHOT);
    const run = await cli([...args, "--snapshot-id", OLDER_SNAPSHOT]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(fromList);
  });

  it("prints labelled rows with --output table", async () => {
    const run = await cli([...args, "--snapshot-id", NEWEST_SNAPSHOT, "--output", "table"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Snapshot +${NEWEST_SNAPSHOT}$`, "m"));
    expect(run.stdout).toMatch(/^Status +completed$/m);
  });

  it("exits 4 for a snapshot the cluster does not have", async () => {
    const run = await cli([...args, "--snapshot-id", "0123456789abcdef01234567"]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/404/);
    expectNoStackTrace(run);
  });

  it("needs --snapshot-id", async () => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing --snapshot-id/);
  });
});

describe("atlas-export jobs create, list and watch", () => {
  const exportLatestTo = (bucketId: string) => [
    "jobs",
    "create",
    "--cluster-name",
    "Cluster0",
    "--bucket-id",
    bucketId,
    "--latest-snapshot",
  ];

  it.each([
    ["a 500 answer", { type: "status", status: 500 } as const, /500/],
    ["a connection reset", { type: "reset" } as const, /could not reach/],
  ])(
    "after %s to the create, says the export may exist and to look at jobs list first (exit 5)",
    async (_name, fault, message) => {
      const bucket = await createBucket(`uncertain-${fault.type}`);
      mock.faults.add({ match: { operationId: "createBackupExportJob" }, times: 1, fault });
      try {
        const run = await cli(exportLatestTo(bucket));
        expect(run.code).toBe(5);
        expect(run.stderr).toMatch(message);
        expect(run.stderr).toContain("the request creating the export job was sent once");
        expect(run.stderr).toContain(
          `The export job may have been created: look at \`atlas-export jobs list --project-id ${GROUP_ID} --cluster-name Cluster0\``,
        );
        expectNoStackTrace(run);
      } finally {
        mock.faults.clear();
      }
    },
  );

  it("after Atlas refuses the create (a bucket it does not have), does not suggest the export may exist", async () => {
    const run = await cli(exportLatestTo("0123456789abcdef01234567"));
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/404/);
    expect(run.stderr).not.toContain("may have been created");
  });

  it("creates an export of the latest snapshot with custom data, then refuses a second one (409, exit 5)", async () => {
    const args = ["jobs", "create", "--cluster-name", "Cluster0", "--bucket-id", DOCUMENTED_BUCKET];
    const created = await cli([
      ...args,
      "--latest-snapshot",
      "--custom-data",
      "team=platform",
      "--custom-data",
      "ticket=OPS-1",
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(`exporting snapshot ${NEWEST_SNAPSHOT}`);
    const job = JSON.parse(created.stdout);
    expect(job).toMatchObject({
      snapshotId: NEWEST_SNAPSHOT,
      exportBucketId: DOCUMENTED_BUCKET,
      customData: [
        { key: "team", value: "platform" },
        { key: "ticket", value: "OPS-1" },
      ],
    });

    const again = await cli([...args, "--snapshot-id", NEWEST_SNAPSHOT]);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/409/);
    expect(again.stderr).toMatch(/already running/);
    expect(again.stderr).toMatch(/atlas-export jobs watch --export-id ID/);
    expect(again.stderr).not.toMatch(/listBackupExportJobs|waitForBackupExportJob/);
    expectNoStackTrace(again);

    const listed = await cli(["jobs", "list", "--cluster-name", "Cluster0"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((item: { id: string }) => item.id)).toContain(job.id);
  });

  it("creates an export with --watch and follows it to Successful, exit 0", async () => {
    const run = await cli(
      [
        "jobs",
        "create",
        "--cluster-name",
        "Cluster0",
        "--bucket-id",
        DOCUMENTED_BUCKET,
        "--snapshot-id",
        OLDER_SNAPSHOT,
        "--watch",
        ...FAST_POLL,
      ],
      SERVICE_ACCOUNT,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/created export job [a-f0-9]{24}; watching it/);
    expect(run.stderr).toMatch(/^\[\d+:\d\d\] Successful  4\/4 collections \(100%\)$/m);
    expect(JSON.parse(run.stdout)).toMatchObject({ snapshotId: OLDER_SNAPSHOT, state: "Successful" });
  });

  it("lists jobs as a table with their state and progress", async () => {
    const run = await cli(["jobs", "list", "--cluster-name", "Cluster0", "--output", "table"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ID +STATE +PROGRESS +CREATED +SNAPSHOT +BUCKET$/m);
    expect(run.stdout).toMatch(/ Successful +4\/4 collections \(100%\) /);
  });

  it.each([
    ["both snapshot flags", ["--snapshot-id", NEWEST_SNAPSHOT, "--latest-snapshot"], /not both/],
    ["no snapshot flag", [], /missing --snapshot-id/],
    [
      "a malformed custom data label",
      ["--latest-snapshot", "--custom-data", "novalue"],
      /--custom-data must be key=value/,
    ],
    [
      "a watch flag without --watch",
      ["--latest-snapshot", "--timeout", "5"],
      /--timeout applies only with --watch/,
    ],
  ])("refuses %s with exit 2", async (_name, flags, message) => {
    const run = await cli([
      "jobs",
      "create",
      "--cluster-name",
      "Cluster0",
      "--bucket-id",
      DOCUMENTED_BUCKET,
      ...flags,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 4 when the cluster has no completed snapshot for --latest-snapshot", async () => {
    // The emulator answers CLUSTER_NOT_FOUND for a cluster nothing names: this one exists, with no snapshots.
    mock.clusters.add({ groupId: GROUP_ID, clusterName: "Empty0" });
    const run = await cli([
      "jobs",
      "create",
      "--cluster-name",
      "Empty0",
      "--bucket-id",
      DOCUMENTED_BUCKET,
      "--latest-snapshot",
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/no completed snapshot/);
  });
});
