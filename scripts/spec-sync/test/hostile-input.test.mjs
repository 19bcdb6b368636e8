// Inputs that used to hang spec-sync or end in a stack trace (issue 18): a YAML alias bomb and `$ref`
// cycles exit 2 with one clear line, and nothing is written.
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { main } from "../cli.mjs";
import { expandedSize } from "../load-spec.mjs";
import { operationPath, smallFragment, smallUpstream, writeSpec } from "./support/small-spec.mjs";
import { snapshot, tempFolder, tempRepo } from "./support/temp-repo.mjs";

const cli = fileURLToPath(new URL("../cli.mjs", import.meta.url));

/** "Billion laughs": 10 levels of 9 aliases each, 9^10 nodes once expanded, 1 KB of text. */
function aliasBomb() {
  const levels = ["  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
  for (let i = 1; i <= 10; i++)
    levels.push(
      `  l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `x-lol:\n${levels.join("\n")}\n`;
}

/** smallUpstream() as YAML text with the bomb placed under the operation. */
function upstreamWithBombUnderTheOperation() {
  const upstream = smallUpstream();
  upstream.paths[operationPath].get["x-bomb"] = "BOMB";
  return aliasBomb() + stringify(upstream).replace("x-bomb: BOMB", "x-bomb: *l10");
}

/** Runs `spec:sync --from <file> --write` on a temporary repository with the small fragment. */
async function runOn(makeUpstream, args = ["--write"]) {
  const root = await tempRepo({ fragment: smallFragment() });
  const before = await snapshot(root);
  const errors = [];
  const code = await main(["--from", await makeUpstream(root), ...args], {
    root,
    generate: () => {
      throw new Error("generate must not run on bad input");
    },
    stdout: () => {},
    stderr: (line) => errors.push(line),
  });
  return { code, error: errors.join("\n"), before, after: await snapshot(root) };
}

describe("a YAML alias bomb", () => {
  // A child process with a deadline: without the guard the walk over 9^10 nodes never ends.
  it("under the operation exits 2 at once with one line naming the file, instead of hanging", async () => {
    const file = join(await tempFolder(), "bomb.yaml");
    await writeFile(file, upstreamWithBombUnderTheOperation());
    const result = spawnSync(process.execPath, [cli, "--from", file], { encoding: "utf8", timeout: 20_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /bomb\.yaml: its YAML aliases expand to more than [\d,]+ nodes \(an alias bomb\?\)/,
    );
    expect(result.stdout).toBe("");
  }, 30_000);

  it("leaves spec/ untouched with --write and never runs generate", async () => {
    const root = await tempRepo({ fragment: smallFragment() });
    const before = await snapshot(root);
    const file = join(root, "bomb.yaml");
    await writeFile(file, upstreamWithBombUnderTheOperation());
    // In a child process too, so that a regression fails on the deadline instead of hanging the suite.
    const program =
      `import { main } from ${JSON.stringify(cli)};` +
      `process.exitCode = await main(["--from", ${JSON.stringify(file)}, "--write"], { root: ${JSON.stringify(root)},` +
      ` generate: () => { throw new Error("generate ran"); } });`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", program], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.stderr).toContain("an alias bomb?");
    expect(result.status).toBe(2);
    expect(await snapshot(root)).toEqual(before);
  }, 30_000);

  it("is told apart from a file that uses a few anchors, which still reads", async () => {
    const { code, error } = await runOn(async (root) => {
      const file = join(root, "anchors.yaml");
      // The small spec repeats objects (the security list); `yaml` writes the repeats as aliases.
      const upstream = stringify(smallUpstream(), { aliasDuplicateObjects: true });
      await writeFile(file, `${upstream}x-shared: &shared {a: 1}\nx-again: *shared\n`);
      return file;
    }, []);
    expect(error).toBe("");
    expect(code).toBe(0); // the small fragment and the small upstream agree
  });
});

describe("expandedSize", () => {
  it("counts a shared object once per use without expanding it, and stops just past the limit", () => {
    const leaf = { a: 1, b: 2 }; // 3 nodes
    expect(expandedSize({ x: leaf, y: leaf }, 100)).toBe(7);
    let node = ["lol"];
    for (let i = 0; i < 40; i++) node = [node, node];
    expect(expandedSize(node, 1000)).toBeGreaterThan(1000);
  });
});

describe("$ref cycles", () => {
  it("of components that are only $refs exit 2 naming the cycle, instead of overflowing the stack", async () => {
    const { code, error, before, after } = await runOn((root) => {
      const d = smallUpstream();
      d.components.schemas.ApiError = { $ref: "#/components/schemas/Loop" };
      d.components.schemas.Loop = { $ref: "#/components/schemas/ApiError" };
      return writeSpec(root, d);
    });
    expect(error).toMatch(
      /\$ref cycle components\.schemas\.ApiError -> components\.schemas\.Loop -> components\.schemas\.ApiError/,
    );
    expect(error.split("\n")).toHaveLength(1);
    expect(code).toBe(2);
    expect(after).toEqual(before);
  });

  it("of a component that is a $ref to itself exits 2 naming it", async () => {
    const { code, error } = await runOn((root) => {
      const d = smallUpstream();
      d.components.schemas.ApiError = { $ref: "#/components/schemas/ApiError" };
      return writeSpec(root, d);
    });
    expect(error).toContain("$ref cycle components.schemas.ApiError -> components.schemas.ApiError");
    expect(code).toBe(2);
  });

  it("through a schema's own structure (a recursive property) is a finite description and compares", async () => {
    const { code, error } = await runOn((root) => {
      const d = smallUpstream();
      d.components.schemas.DiskBackupExportJob.properties.parent = {
        $ref: "#/components/schemas/DiskBackupExportJob",
      };
      return writeSpec(root, d);
    }, []);
    expect(error).toBe("");
    expect(code).toBe(1); // one change found: the new property
  });
});
