import { describe, expect, it } from "vitest";
import { COMMAND_TABLE } from "../src/command-table.js";
import { jobsDescribe } from "../src/commands/jobs-describe.js";
import { jobsWatch } from "../src/commands/jobs-watch.js";
import { EXIT_CODES } from "../src/exit-codes.js";
import { formatCommandHelp, formatRootHelp } from "../src/format-help.js";
import { OPTIONS } from "../src/options.js";
import { parseCommandLine, type CommandLine } from "../src/parse-command-line.js";
import { UsageError } from "../src/usage-error.js";

const ID = "32b6e34b3d91647abb20e7b8";
const IDS = ["--project-id", ID, "--cluster-name", "Cluster0", "--export-id", ID];
const ROOT_HELP = formatRootHelp(COMMAND_TABLE);
const GET_HELP = formatCommandHelp(jobsDescribe);
const WATCH_HELP = formatCommandHelp(jobsWatch);

function parse(argv: string[], env: Record<string, string> = {}): CommandLine {
  return parseCommandLine(argv, env, COMMAND_TABLE);
}

function run(argv: string[], env: Record<string, string> = {}) {
  const parsed = parse(argv, env);
  if (parsed.kind !== "run") throw new Error(`expected a command, got ${parsed.kind}`);
  return parsed;
}

function usageErrorOf(argv: string[], env: Record<string, string> = {}): UsageError {
  try {
    parse(argv, env);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
}

describe("parseCommandLine", () => {
  it.each([
    ["--help", ["--help"], ROOT_HELP],
    ["-h", ["-h"], ROOT_HELP],
    ["get --help", ["get", "--help"], GET_HELP],
    ["jobs describe --help", ["jobs", "describe", "--help"], GET_HELP],
    ["help jobs describe", ["help", "jobs", "describe"], GET_HELP],
    ["watch -h", ["watch", "-h"], WATCH_HELP],
    ["jobs watch -h", ["jobs", "watch", "-h"], WATCH_HELP],
    ["get --help without the required ids", ["get", "--help", "--output", "json"], GET_HELP],
  ])("shows help for %s", (_name, argv, text) => {
    expect(parse(argv)).toEqual({ kind: "help", text });
  });

  it("lists a group's commands for jobs --help", () => {
    const parsed = parse(["jobs", "--help"]);
    expect(parsed.kind === "help" && parsed.text).toMatch(/^  jobs describe +print one/m);
  });

  it.each([["--version"], ["-V"]])("recognises %s", (flag) => {
    expect(parse([flag])).toEqual({ kind: "version" });
  });

  it.each([
    ["get", jobsDescribe],
    ["jobs describe", jobsDescribe],
    ["watch", jobsWatch],
    ["jobs watch", jobsWatch],
  ])("runs %s as its command", (name, command) => {
    expect(run([...name.split(" "), ...IDS]).command).toBe(command);
  });

  it("takes the project id from MONGODB_ATLAS_PROJECT_ID when --project-id is absent", () => {
    const parsed = run(["get", "--cluster-name", "c", "--export-id", ID], { MONGODB_ATLAS_PROJECT_ID: ID });
    expect(parsed.values.string(OPTIONS.projectId)).toBe(ID);
  });

  it("prefers --project-id over MONGODB_ATLAS_PROJECT_ID", () => {
    const other = "aaaaaaaaaaaaaaaaaaaaaaaa";
    const parsed = run(["get", ...IDS], { MONGODB_ATLAS_PROJECT_ID: other });
    expect(parsed.values.string(OPTIONS.projectId)).toBe(ID);
  });

  it("names MONGODB_ATLAS_PROJECT_ID when its value is malformed", () => {
    const error = usageErrorOf(["get", "--cluster-name", "c", "--export-id", ID], {
      MONGODB_ATLAS_PROJECT_ID: "my-project",
    });
    expect(error.message).toMatch(
      /^MONGODB_ATLAS_PROJECT_ID must be a 24-character lowercase hexadecimal id/,
    );
  });

  it("says both ways to give a missing project id", () => {
    expect(usageErrorOf(["get", "--cluster-name", "c", "--export-id", ID]).message).toMatch(
      /^missing --project-id \(or MONGODB_ATLAS_PROJECT_ID\)/,
    );
  });

  it("reads the ids, base URL, output and envelope of get", () => {
    const { values } = run([
      "get",
      ...IDS,
      "--base-url",
      "http://127.0.0.1:1",
      "--output",
      "table",
      "--envelope",
    ]);
    expect(values.string(OPTIONS.projectId)).toBe(ID);
    expect(values.string(OPTIONS.clusterName)).toBe("Cluster0");
    expect(values.string(OPTIONS.exportId)).toBe(ID);
    expect(values.optionalString(OPTIONS.baseUrl)).toBe("http://127.0.0.1:1");
    expect(values.optionalString(OPTIONS.output)).toBe("table");
    expect(values.flag(OPTIONS.envelope)).toBe(true);
  });

  it("takes the base URL from MONGODB_ATLAS_BASE_URL, checked the same way", () => {
    expect(
      run(["get", ...IDS], { MONGODB_ATLAS_BASE_URL: "http://127.0.0.1:2" }).values.optionalString(
        OPTIONS.baseUrl,
      ),
    ).toBe("http://127.0.0.1:2");
    expect(usageErrorOf(["get", ...IDS], { MONGODB_ATLAS_BASE_URL: "https://x/?a=1" }).message).toMatch(
      /^MONGODB_ATLAS_BASE_URL must not have a \?query/,
    );
  });

  it("leaves output unset when not given so the terminal decides", () => {
    expect(run(["get", ...IDS]).values.optionalString(OPTIONS.output)).toBeUndefined();
  });

  it("accepts --group-id as an alias of --project-id", () => {
    const { values } = run(["get", "--group-id", ID, "--cluster-name", "c", "--export-id", ID]);
    expect(values.string(OPTIONS.projectId)).toBe(ID);
  });

  it("reads the watch timing options in seconds as milliseconds", () => {
    const { values } = run([
      "watch",
      ...IDS,
      "--poll-interval",
      "0.5",
      "--max-poll-interval",
      "10",
      "--timeout",
      "600",
    ]);
    expect(values.optionalNumber(OPTIONS.pollInterval)).toBe(500);
    expect(values.optionalNumber(OPTIONS.maxPollInterval)).toBe(10_000);
    expect(values.optionalNumber(OPTIONS.timeout)).toBe(600_000);
  });

  it("reads credential flags", () => {
    expect(run(["get", ...IDS, "--public-key", "pub", "--private-key", "priv"]).credentials).toEqual({
      publicKey: "pub",
      privateKey: "priv",
    });
  });

  it.each([
    ["an unknown command", ["list"], /unknown command "list"/],
    [
      "an unknown jobs command",
      ["jobs", "cancel"],
      /unknown command "jobs cancel": use jobs list, jobs describe, jobs create, jobs watch\./,
    ],
    [
      "a group without its command",
      ["jobs"],
      /missing jobs command: use jobs list, jobs describe, jobs create, jobs watch\./,
    ],
    ["a flag before the command", ["--project-id", ID], /must come after a command/],
    ["an unknown flag", ["get", ...IDS, "--bogus"], /bogus/],
    ["a missing project id", ["get", "--cluster-name", "c", "--export-id", ID], /missing --project-id/],
    ["a missing cluster name", ["get", "--project-id", ID, "--export-id", ID], /missing --cluster-name/],
    ["a missing export id", ["get", "--project-id", ID, "--cluster-name", "c"], /missing --export-id/],
    [
      "a short project id",
      ["get", "--project-id", "abc", "--cluster-name", "c", "--export-id", ID],
      /--project-id must be a 24-character lowercase hexadecimal id.*got "abc"/,
    ],
    [
      "an export id with capitals",
      ["get", "--project-id", ID, "--cluster-name", "c", "--export-id", ID.toUpperCase()],
      /--export-id must be/,
    ],
    [
      "a cluster name with a space",
      ["get", "--project-id", ID, "--cluster-name", "my cluster", "--export-id", ID],
      /--cluster-name must be/,
    ],
    ["an unknown output format", ["get", ...IDS, "--output", "yaml"], /--output must be json or table/],
    ["a relative base URL", ["get", ...IDS, "--base-url", "cloud.mongodb.com"], /--base-url must be/],
    ["a non-http base URL", ["get", ...IDS, "--base-url", "ftp://x"], /--base-url must use http/],
    ["a zero poll interval", ["watch", ...IDS, "--poll-interval", "0"], /--poll-interval must be a positive/],
    ["a non-numeric timeout", ["watch", ...IDS, "--timeout", "soon"], /--timeout must be a positive/],
    [
      "a negative poll interval",
      ["watch", ...IDS, "--poll-interval", "-1"],
      /^--poll-interval must be a positive number of seconds; got "-1"\.$/,
    ],
    ["a negative timeout", ["watch", ...IDS, "--timeout", "-0.5"], /^--timeout must be a positive number/],
    [
      "a poll interval of 2^31 ms or more",
      ["watch", ...IDS, "--poll-interval", "2147484"],
      /^--poll-interval must be at most 3600 seconds; got "2147484"\.$/,
    ],
    [
      "a max poll interval over an hour",
      ["watch", ...IDS, "--max-poll-interval", "3601"],
      /^--max-poll-interval must be at most 3600 seconds/,
    ],
    [
      "a timeout over a week",
      ["watch", ...IDS, "--timeout", "3000000"],
      /^--timeout must be at most 604800 seconds; got "3000000"\.$/,
    ],
    [
      "a base URL with a query",
      ["get", ...IDS, "--base-url", "https://cloud.mongodb.com/?x=1"],
      /--base-url must not have a \?query or #fragment/,
    ],
    [
      "a base URL with a fragment",
      ["get", ...IDS, "--base-url", "https://cloud.mongodb.com#top"],
      /--base-url must not have a \?query or #fragment/,
    ],
    [
      "a base URL with a trailing space",
      ["get", ...IDS, "--base-url", "https://cloud.mongodb.com "],
      /--base-url must not start or end with spaces/,
    ],
    ["a watch-only flag on get", ["get", ...IDS, "--timeout", "5"], /timeout/],
    [
      "different --project-id and --group-id",
      ["get", ...IDS, "--group-id", "aaaaaaaaaaaaaaaaaaaaaaaa"],
      /--project-id and --group-id/,
    ],
  ])("rejects %s as a usage error (exit 2)", (_name, argv, message) => {
    const error = usageErrorOf(argv);
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(EXIT_CODES.usage);
  });

  it("accepts the longest durations allowed", () => {
    const { values } = run([
      "watch",
      ...IDS,
      "--poll-interval",
      "3600",
      "--max-poll-interval",
      "3600",
      "--timeout",
      "604800",
    ]);
    expect(values.optionalNumber(OPTIONS.pollInterval)).toBe(3_600_000);
    expect(values.optionalNumber(OPTIONS.maxPollInterval)).toBe(3_600_000);
    expect(values.optionalNumber(OPTIONS.timeout)).toBe(604_800_000);
  });

  it("refuses no arguments as a usage error that shows the usage", () => {
    const error = usageErrorOf([]);
    expect(error.exitCode).toBe(EXIT_CODES.usage);
    expect(error.message).toMatch(/missing command/);
    expect(error.hint).toContain("Usage:");
  });

  it.each([
    ["user and password", "https://me:hunter2@cloud.mongodb.com"],
    ["a password only", "https://:hunter2@cloud.mongodb.com"],
    ["a password that makes the URL invalid", "https://me:hun ter2@cloud.mongodb.com"],
  ])("refuses a base URL with %s without echoing the password", (_name, url) => {
    const error = usageErrorOf(["get", ...IDS, "--base-url", url]);
    expect(error.exitCode).toBe(EXIT_CODES.usage);
    expect(error.message).toMatch(/--base-url must/);
    expect(`${error.message} ${error.hint}`).not.toMatch(/hunter2|hun ter2/);
  });

  it("shortens a long bad value in the message", () => {
    const error = usageErrorOf([
      "get",
      "--project-id",
      "x".repeat(500),
      "--cluster-name",
      "c",
      "--export-id",
      ID,
    ]);
    expect(error.message.length).toBeLessThan(200);
  });

  it("documents every exit code in each help page", () => {
    for (const text of [ROOT_HELP, GET_HELP, WATCH_HELP])
      for (const code of Object.values(EXIT_CODES)) expect(text).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });

  it("lists every option of a command, with its placeholder, on its help page", () => {
    for (const option of [...jobsWatch.options, OPTIONS.baseUrl, OPTIONS.output])
      expect(WATCH_HELP).toContain(
        `--${option.flag}${"placeholder" in option ? ` ${option.placeholder}` : ""}`,
      );
  });
});
