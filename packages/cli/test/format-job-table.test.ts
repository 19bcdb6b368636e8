import type { BackupExportJob } from "@atlas-export/types";
import { describe, expect, it } from "vitest";
import { formatElapsed } from "../src/format-elapsed.js";
import { formatJobTable } from "../src/format-job-table.js";
import { formatProgress } from "../src/format-progress.js";

const JOB: BackupExportJob = {
  id: "32b6e34b3d91647abb20e7b8",
  state: "InProgress",
  exportBucketId: "32b6e34b3d91647abb20e7b9",
  snapshotId: "32b6e34b3d91647abb20e7ba",
  createdAt: "2026-11-28T10:00:00Z",
  exportStatus: { exportedCollections: 3, totalCollections: 12 },
  components: [
    { replicaSetName: "atlas-shard-0", exportId: "32b6e34b3d91647abb20e7bb" },
    { replicaSetName: "atlas-shard-1", exportId: "32b6e34b3d91647abb20e7bc" },
  ],
  customData: [{ key: "team", value: "platform" }],
};

describe("formatJobTable", () => {
  it("aligns one labelled row per field", () => {
    expect(formatJobTable(JOB)).toBe(
      [
        "Export job     32b6e34b3d91647abb20e7b8",
        "State          InProgress",
        "Progress       3/12 collections (25%)",
        "Snapshot       32b6e34b3d91647abb20e7ba",
        "Export bucket  32b6e34b3d91647abb20e7b9",
        "Created        2026-11-28T10:00:00Z",
        "Shards         atlas-shard-0  32b6e34b3d91647abb20e7bb",
        "               atlas-shard-1  32b6e34b3d91647abb20e7bc",
        "Custom data    team=platform",
        "",
      ].join("\n"),
    );
  });

  it("shows the state reason of a failed job", () => {
    const table = formatJobTable({
      ...JOB,
      state: "Failed",
      stateReason: { errorCode: "EXPORT_FAILED", message: "Access denied to the bucket" },
    });
    expect(table).toMatch(/^State reason +EXPORT_FAILED: Access denied to the bucket$/m);
  });

  it("puts extra rows first", () => {
    expect(formatJobTable(JOB, [["HTTP status", "200"]]).split("\n")[0]).toMatch(/^HTTP status +200$/);
  });
});

describe("formatProgress", () => {
  it.each([
    ["no export status yet", {}, "collections not counted yet"],
    [
      "a partial export",
      { exportStatus: { exportedCollections: 1, totalCollections: 3 } },
      "1/3 collections (33%)",
    ],
    [
      "an empty database",
      { exportStatus: { exportedCollections: 0, totalCollections: 0 } },
      "0/0 collections (100%)",
    ],
  ])("describes %s", (_name, fields, want) => {
    expect(formatProgress({ exportBucketId: "b", ...fields })).toBe(want);
  });
});

describe("formatElapsed", () => {
  it.each([
    [0, "0:00"],
    [7_900, "0:07"],
    [754_000, "12:34"],
    [3_723_000, "1:02:03"],
  ])("formats %i ms as %s", (ms, want) => {
    expect(formatElapsed(ms)).toBe(want);
  });
});

// A window title, a screen clear, an OSC 8 link and a forged line, as a hostile server might send them.
const HOSTILE =
  "\x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\\r\nState  Successful\x9b2J";
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

describe("formatJobTable with hostile or broken answers", () => {
  it("strips control sequences from every server-provided string", () => {
    const table = formatJobTable({
      ...JOB,
      id: HOSTILE,
      state: "Failed",
      prefix: HOSTILE,
      snapshotId: HOSTILE,
      createdAt: HOSTILE,
      stateReason: { errorCode: HOSTILE, message: HOSTILE },
      components: [{ replicaSetName: HOSTILE, exportId: HOSTILE }],
      customData: [{ key: HOSTILE, value: HOSTILE }],
      deliveryUrl: [HOSTILE],
    });
    expect(table).not.toMatch(CONTROL);
    expect(table).toMatch(/^Prefix +click State  Successful$/m);
    expect(table.split("\n")).toHaveLength(12);
  });

  it.each([
    [
      "an object state",
      { state: { name: "Successful" } },
      /^State +\{"name":"Successful"\} \(unknown state\)$/m,
    ],
    ["a state the spec does not define", { state: "Paused" }, /^State +Paused \(unknown state\)$/m],
    ["a numeric state", { state: 3 }, /^State +3 \(unknown state\)$/m],
    ["components as a string", { components: "x" }, /^Shards +x$/m],
    ["components with non-objects", { components: [null, 7, "y"] }, /^Shards +7$/m],
    ["customData as an object", { customData: { key: "k", value: "v" } }, /^Custom data +k=v$/m],
    ["deliveryUrl as a string", { deliveryUrl: "https://x" }, /^Delivery URL +https:\/\/x$/m],
    [
      "string counts",
      { exportStatus: { exportedCollections: "1", totalCollections: "2" } },
      /^Progress +collections not counted yet$/m,
    ],
    ["a string stateReason", { stateReason: "broken" }, /^State reason +broken$/m],
    ["a numeric id", { id: 42 }, /^Export job +42$/m],
  ])("renders %s without crashing", (_name, fields, want) => {
    const table = formatJobTable({ ...JOB, ...fields } as unknown as BackupExportJob);
    expect(table).toMatch(want);
    expect(table).not.toContain("[object Object]");
  });
});
