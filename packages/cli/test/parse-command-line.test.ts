import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../src/exit-codes.js";
import { GET_HELP, ROOT_HELP, WATCH_HELP } from "../src/help-text.js";
import { parseCommandLine } from "../src/parse-command-line.js";
import { UsageError } from "../src/usage-error.js";

const ID = "32b6e34b3d91647abb20e7b8";
const IDS = ["--project-id", ID, "--cluster-name", "Cluster0", "--export-id", ID];

function usageErrorOf(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
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
    ["watch -h", ["watch", "-h"], WATCH_HELP],
    ["get --help without the required ids", ["get", "--help", "--output", "json"], GET_HELP],
  ])("shows help for %s", (_name, argv, text) => {
    expect(parseCommandLine(argv)).toEqual({ command: "help", text });
  });

  it.each([["--version"], ["-V"]])("recognises %s", (flag) => {
    expect(parseCommandLine([flag])).toEqual({ command: "version" });
  });

  it("reads the ids, base URL, output and envelope of get", () => {
    expect(
      parseCommandLine([
        "get",
        ...IDS,
        "--base-url",
        "http://127.0.0.1:1",
        "--output",
        "table",
        "--envelope",
      ]),
    ).toEqual({
      command: "get",
      options: {
        groupId: ID,
        clusterName: "Cluster0",
        exportId: ID,
        baseUrl: "http://127.0.0.1:1",
        output: "table",
        envelope: true,
        credentials: {},
      },
    });
  });

  it("leaves output unset when not given so the terminal decides", () => {
    const parsed = parseCommandLine(["get", ...IDS]);
    expect(parsed.command === "get" && parsed.options.output).toBeUndefined();
  });

  it("accepts --group-id as an alias of --project-id", () => {
    const parsed = parseCommandLine(["get", "--group-id", ID, "--cluster-name", "c", "--export-id", ID]);
    expect(parsed.command === "get" && parsed.options.groupId).toBe(ID);
  });

  it("reads the watch timing options in seconds as milliseconds", () => {
    const parsed = parseCommandLine([
      "watch",
      ...IDS,
      "--poll-interval",
      "0.5",
      "--max-poll-interval",
      "10",
      "--timeout",
      "600",
    ]);
    expect(parsed.command === "watch" && parsed.options).toMatchObject({
      pollIntervalMs: 500,
      maxPollIntervalMs: 10_000,
      timeoutMs: 600_000,
    });
  });

  it("reads credential flags", () => {
    const parsed = parseCommandLine(["get", ...IDS, "--public-key", "pub", "--private-key", "priv"]);
    expect(parsed.command === "get" && parsed.options.credentials).toEqual({
      publicKey: "pub",
      privateKey: "priv",
    });
  });

  it.each([
    ["an unknown command", ["list"], /unknown command "list"/],
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
    const parsed = parseCommandLine([
      "watch",
      ...IDS,
      "--poll-interval",
      "3600",
      "--max-poll-interval",
      "3600",
      "--timeout",
      "604800",
    ]);
    expect(parsed.command === "watch" && parsed.options).toMatchObject({
      pollIntervalMs: 3_600_000,
      maxPollIntervalMs: 3_600_000,
      timeoutMs: 604_800_000,
    });
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
      for (const code of [0, 1, 2, 3, 4, 5]) expect(text).toMatch(new RegExp(`^  ${code}  `, "m"));
  });
});
