import { describe, expect, it } from "vitest";
import { cliCommand, programCommand } from "../runtime-commands.mjs";

describe("programCommand", () => {
  it.each([
    ["node", { command: "/rt/node", args: ["smoke.mjs"] }],
    ["bun", { command: "/rt/bun", args: ["smoke.mjs"] }],
    [
      "deno",
      {
        command: "/rt/deno",
        args: ["run", "--allow-net=127.0.0.1", "--allow-env=SMOKE_CONFIG", "smoke.mjs"],
      },
    ],
  ])("runs a file with %s", (kind, want) => {
    expect(programCommand(kind, `/rt/${kind}`, "smoke.mjs")).toEqual(want);
  });
});

describe("cliCommand", () => {
  const env = { PATH: "/usr/bin" };

  it("runs the npm bin through its shebang with the runtime's node first on PATH", () => {
    expect(cliCommand("node", "/rt/v22/bin/node", "/c", ["get"], env)).toEqual({
      command: "/c/node_modules/.bin/atlas-export",
      args: ["get"],
      env: { PATH: "/rt/v22/bin:/usr/bin" },
    });
  });

  it("makes bun run the bin itself rather than a node from PATH", () => {
    expect(cliCommand("bun", "/rt/bun", "/c", ["get"], env).args).toEqual([
      "run",
      "--bun",
      "atlas-export",
      "get",
    ]);
  });

  it("gives deno loopback network access only, and reading (for --ca-file)", () => {
    expect(cliCommand("deno", "/rt/deno", "/c", ["get"], env).args).toEqual([
      "run",
      "--allow-net=127.0.0.1",
      "--allow-env",
      "--allow-read",
      "/c/node_modules/.bin/atlas-export",
      "get",
    ]);
  });

  it("rejects an unknown kind", () => {
    expect(() => cliCommand("workerd", "/rt/w", "/c", [], env)).toThrow(/unknown runtime kind "workerd"/);
  });
});
