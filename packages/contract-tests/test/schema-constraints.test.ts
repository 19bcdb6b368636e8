import { describe, expect, it } from "vitest";
import { collectExamples } from "../src/collect-examples.js";
import { createSpecAjv } from "../src/create-spec-ajv.js";
import { loadSpec } from "../src/load-spec.js";
import { mutate } from "../src/mutate.js";

const document = await loadSpec();
const { validatorFor } = createSpecAjv(document);
const validateJob = validatorFor("#/components/schemas/DiskBackupExportJob");
const validateError = validatorFor("#/components/schemas/ApiError");

// Cases start from the documented examples, so each row differs from a known-valid body in one place.
const documentedJob = collectExamples(document).find(
  (example) => example.operationId === "getBackupExportJob" && example.status === "200",
)?.value;
const documentedError = collectExamples(document).find((example) => example.status === "404")?.value;
if (documentedJob === undefined || documentedError === undefined) {
  throw new Error("the spec has no documented 200 or 404 example to vary");
}
const job = (change: (copy: Record<string, any>) => void) => mutate(documentedJob, change);
const error = (change: (copy: Record<string, any>) => void) => mutate(documentedError, change);

type Row = [string, { given: unknown; want: "valid" | { keyword: string; instancePath: string } }];

function expectOutcome(validate: typeof validateJob, given: unknown, want: Row[1]["want"]) {
  const valid = validate(given);
  if (want === "valid") {
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  } else {
    expect(valid).toBe(false);
    expect(validate.errors).toEqual(expect.arrayContaining([expect.objectContaining(want)]));
  }
}

describe("the DiskBackupExportJob schema", () => {
  const idFields: [string, (copy: Record<string, any>, id: unknown) => void, string][] = [
    ["id", (c, id) => (c.id = id), "/id"],
    ["exportBucketId", (c, id) => (c.exportBucketId = id), "/exportBucketId"],
    ["snapshotId", (c, id) => (c.snapshotId = id), "/snapshotId"],
    ["components[].exportId", (c, id) => (c.components[0].exportId = id), "/components/0/exportId"],
  ];
  describe.each(idFields)("24-hex %s", (_field, set, instancePath) => {
    it.each<Row>([
      [
        "24 lowercase hex digits pass",
        { given: job((c) => set(c, "0123456789abcdef01234567")), want: "valid" },
      ],
      [
        "uppercase hex fails",
        { given: job((c) => set(c, "32B6E34B3D91647ABB20E7B8")), want: { keyword: "pattern", instancePath } },
      ],
      [
        "23 digits fail",
        {
          given: job((c) => set(c, "32b6e34b3d91647abb20e7b")),
          want: { keyword: "minLength", instancePath },
        },
      ],
      [
        "25 digits fail",
        {
          given: job((c) => set(c, "32b6e34b3d91647abb20e7b80")),
          want: { keyword: "maxLength", instancePath },
        },
      ],
      [
        "a non-hex letter fails",
        { given: job((c) => set(c, "32b6e34b3d91647abb20e7bg")), want: { keyword: "pattern", instancePath } },
      ],
      ["a number fails", { given: job((c) => set(c, 42)), want: { keyword: "type", instancePath } }],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });

  describe("state enum", () => {
    it.each<Row>([
      ...(["Queued", "InProgress", "Successful", "Failed", "Cancelled"] as const).map((state): Row => [
        `${state} passes`,
        { given: job((c) => (c.state = state)), want: "valid" },
      ]),
      [
        "a misspelt state fails",
        { given: job((c) => (c.state = "Succesful")), want: { keyword: "enum", instancePath: "/state" } },
      ],
      [
        "a lower-case state fails",
        { given: job((c) => (c.state = "queued")), want: { keyword: "enum", instancePath: "/state" } },
      ],
      [
        "null fails (state is not nullable)",
        { given: job((c) => (c.state = null)), want: { keyword: "type", instancePath: "/state" } },
      ],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });

  describe.each(["exportedCollections", "totalCollections"])("int32 count exportStatus.%s", (field) => {
    const instancePath = `/exportStatus/${field}`;
    it.each<Row>([
      ["0 passes", { given: job((c) => (c.exportStatus[field] = 0)), want: "valid" }],
      ["2^31-1 passes", { given: job((c) => (c.exportStatus[field] = 2147483647)), want: "valid" }],
      [
        "2^31 fails",
        {
          given: job((c) => (c.exportStatus[field] = 2147483648)),
          want: { keyword: "format", instancePath },
        },
      ],
      [
        "-2^31-1 fails",
        {
          given: job((c) => (c.exportStatus[field] = -2147483649)),
          want: { keyword: "format", instancePath },
        },
      ],
      [
        "1.5 fails",
        { given: job((c) => (c.exportStatus[field] = 1.5)), want: { keyword: "type", instancePath } },
      ],
      [
        '"42" fails',
        { given: job((c) => (c.exportStatus[field] = "42")), want: { keyword: "type", instancePath } },
      ],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });

  describe.each(["createdAt", "finishedAt"])("date-time %s", (field) => {
    const instancePath = `/${field}`;
    it.each<Row>([
      ["UTC with Z passes", { given: job((c) => (c[field] = "2025-05-04T09:42:00Z")), want: "valid" }],
      [
        "an offset and fractions pass",
        { given: job((c) => (c[field] = "2025-05-04T09:42:00.123+02:00")), want: "valid" },
      ],
      [
        "a date alone fails",
        { given: job((c) => (c[field] = "2025-05-04")), want: { keyword: "format", instancePath } },
      ],
      [
        "no time zone fails",
        { given: job((c) => (c[field] = "2025-05-04T09:42:00")), want: { keyword: "format", instancePath } },
      ],
      [
        "a 13th month fails",
        { given: job((c) => (c[field] = "2025-13-04T09:42:00Z")), want: { keyword: "format", instancePath } },
      ],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });

  describe("required", () => {
    it.each<Row>([
      [
        "exportBucketId alone passes",
        { given: { exportBucketId: "32b6e34b3d91647abb20e7b8" }, want: "valid" },
      ],
      [
        "a missing exportBucketId fails",
        { given: job((c) => delete c.exportBucketId), want: { keyword: "required", instancePath: "" } },
      ],
      ["an empty object fails", { given: {}, want: { keyword: "required", instancePath: "" } }],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });

  describe("fields the service may send", () => {
    it.each<Row>([
      [
        "stateReason on a Failed job passes",
        {
          given: job((c) => {
            c.state = "Failed";
            c.stateReason = { errorCode: "E", message: "m" };
          }),
          want: "valid",
        },
      ],
      [
        "any prefix passes (the page's template is not a regex)",
        { given: job((c) => (c.prefix = "/exported_snapshots/o/p/c/2025-05-04T0942/1")), want: "valid" },
      ],
      [
        "an unknown field passes (schemas stay open to new service fields)",
        { given: job((c) => (c.newField = 1)), want: "valid" },
      ],
      [
        "a non-array deliveryUrl fails",
        {
          given: job((c) => (c.deliveryUrl = "https://x")),
          want: { keyword: "type", instancePath: "/deliveryUrl" },
        },
      ],
    ])("%s", (_name, { given, want }) => expectOutcome(validateJob, given, want));
  });
});

describe("the ApiError schema", () => {
  it.each<Row>([
    [
      "error and errorCode alone pass",
      { given: { error: 404, errorCode: "RESOURCE_NOT_FOUND" }, want: "valid" },
    ],
    [
      "a missing errorCode fails",
      { given: error((c) => delete c.errorCode), want: { keyword: "required", instancePath: "" } },
    ],
    [
      "a missing error fails",
      { given: error((c) => delete c.error), want: { keyword: "required", instancePath: "" } },
    ],
    [
      "error as a string fails",
      { given: error((c) => (c.error = "404")), want: { keyword: "type", instancePath: "/error" } },
    ],
    [
      "error beyond int32 fails",
      { given: error((c) => (c.error = 2 ** 31)), want: { keyword: "format", instancePath: "/error" } },
    ],
    ["a null detail passes (nullable)", { given: error((c) => (c.detail = null)), want: "valid" }],
    ["a null reason passes (nullable)", { given: error((c) => (c.reason = null)), want: "valid" }],
    [
      "a null badRequestDetail passes (nullable object)",
      { given: error((c) => (c.badRequestDetail = null)), want: "valid" },
    ],
    [
      "a null errorCode fails (not nullable)",
      { given: error((c) => (c.errorCode = null)), want: { keyword: "type", instancePath: "/errorCode" } },
    ],
    [
      "plain-value parameters pass",
      { given: error((c) => (c.parameters = ["AWS", 1, null])), want: "valid" },
    ],
    [
      "a field violation without description fails",
      {
        given: error((c) => (c.badRequestDetail = { fields: [{ field: "x" }] })),
        want: { keyword: "required", instancePath: "/badRequestDetail/fields/0" },
      },
    ],
  ])("%s", (_name, { given, want }) => expectOutcome(validateError, given, want));
});
