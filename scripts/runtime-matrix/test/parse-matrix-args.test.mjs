import { describe, expect, it } from "vitest";
import { MatrixUsageError, parseMatrixArgs } from "../parse-matrix-args.mjs";
import { RUNTIMES } from "../runtimes.mjs";

describe("parseMatrixArgs", () => {
  it("runs every runtime by default", () => {
    expect(parseMatrixArgs([])).toEqual({ runtimes: RUNTIMES, keep: false });
  });

  it.each([
    ["--only with a space", ["--only", "bun,node22"]],
    ["--only=", ["--only=bun,node22"]],
  ])("selects runtimes with %s, in the table's order", (_, argv) => {
    expect(parseMatrixArgs(argv).runtimes.map((runtime) => runtime.id)).toEqual(["node22", "bun"]);
  });

  it("keeps the temporary folder with --keep", () => {
    expect(parseMatrixArgs(["--keep"]).keep).toBe(true);
  });

  it.each([
    ["an unknown runtime", ["--only", "node18"], /unknown runtime node18 \(known: node20/],
    ["--only without a value", ["--only"], /--only needs/],
    ["an unknown argument", ["--fast"], /unknown argument "--fast"/],
  ])("rejects %s", (_, argv, message) => {
    expect(() => parseMatrixArgs(argv)).toThrow(MatrixUsageError);
    expect(() => parseMatrixArgs(argv)).toThrow(message);
  });
});
