import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../cli.mjs";
import { operationPath, smallFragment, smallUpstream, writeSpec } from "./support/small-spec.mjs";
import { snapshot, tempRepo } from "./support/temp-repo.mjs";

/** Runs `spec:sync --from <file> --write` on a temporary repository; returns exit code, stderr, files. */
async function runOn(makeUpstream, args = ["--write"]) {
  const root = await tempRepo({ fragment: smallFragment() });
  const before = await snapshot(root);
  const from = await makeUpstream(root);
  const errors = [];
  let generated = 0;
  const code = await main(["--from", from, ...args], {
    root,
    generate: () => void generated++,
    stdout: () => {},
    stderr: (line) => errors.push(line),
  });
  return { code, error: errors.join("\n"), before, after: await snapshot(root), generated };
}

const cases = [
  [
    "a YAML file that is not an OpenAPI document",
    {
      make: (root) => writeSpec(root, { hello: "world" }),
      message: /is not an OpenAPI 3 document: it has no `openapi: 3.x.y` field/,
    },
  ],
  [
    "a Swagger 2 document",
    {
      make: (root) => writeSpec(root, { swagger: "2.0", paths: {} }),
      message: /Swagger\/OpenAPI 2 document/,
    },
  ],
  [
    "text that is neither YAML nor JSON",
    {
      make: async (root) => {
        const file = join(root, "broken.yaml");
        await writeFile(file, "openapi: [3.0.1\npaths: {{\n");
        return file;
      },
      message: /broken\.yaml cannot be read as YAML or JSON: /,
    },
  ],
  [
    "JSON nested deeper than any spec under the operation (a walk over it would overflow the stack)",
    {
      make: async (root) => {
        const d = smallUpstream();
        d.paths[operationPath].get["x-deep"] = "DEEP";
        const file = join(root, "deep.json");
        const depth = 200_000;
        await writeFile(
          file,
          JSON.stringify(d).replace('"DEEP"', `${"[".repeat(depth)}${"]".repeat(depth)}`),
        );
        return file;
      },
      message: /deep\.json cannot be read as YAML or JSON: nesting exceeded maxDepth \(100\)/,
    },
  ],
  [
    "an empty file",
    {
      make: async (root) => {
        const file = join(root, "empty.yaml");
        await writeFile(file, "");
        return file;
      },
      message: /is empty/,
    },
  ],
  [
    "a missing file",
    { make: async (root) => join(root, "nope.yaml"), message: /cannot read .*nope\.yaml: ENOENT/ },
  ],
  [
    "a spec without the operation",
    {
      make: (root) => {
        const d = smallUpstream();
        delete d.paths[operationPath];
        return writeSpec(root, d);
      },
      message:
        /has no GET \/api\/atlas\/v2\/groups\/\{groupId\}.* \(operation getGroupClusterBackupExport\): the path is missing/,
    },
  ],
  [
    "a spec with the path but not the method",
    {
      make: (root) => {
        const d = smallUpstream();
        d.paths[operationPath] = { delete: d.paths[operationPath].get };
        return writeSpec(root, d);
      },
      message: /has no GET .* \(operation getGroupClusterBackupExport\): the path has delete/,
    },
  ],
  [
    "a dangling $ref",
    {
      make: (root) => {
        const d = smallUpstream();
        delete d.components.schemas.ApiError;
        return writeSpec(root, d);
      },
      message:
        /dangling \$ref "#\/components\/schemas\/ApiError" in components\.responses\.notFound\.content\.application\/json\.schema \(operation getGroupClusterBackupExport\)/,
    },
  ],
  [
    "a dangling $ref in JSON",
    {
      make: (root) => {
        const d = smallUpstream();
        delete d.components.parameters.groupId;
        return writeSpec(root, d, { json: true });
      },
      message: /dangling \$ref "#\/components\/parameters\/groupId"/,
    },
  ],
  [
    "an external $ref",
    {
      make: (root) => {
        const d = smallUpstream();
        d.components.schemas.ApiError = { $ref: "errors.yaml#/ApiError" };
        return writeSpec(root, d);
      },
      message: /external \$ref "errors\.yaml#\/ApiError" .* bundle the spec/,
    },
  ],
  [
    "a security requirement without its scheme",
    {
      make: (root) => {
        const d = smallUpstream();
        delete d.components.securitySchemes.DigestAuth;
        return writeSpec(root, d);
      },
      message: /the security of operations\.getGroupClusterBackupExport names "DigestAuth"/,
    },
  ],
];

describe("bad input", () => {
  it.each(cases)(
    "%s exits 2 with a clear error and leaves spec/ untouched",
    async (_name, { make, message }) => {
      const { code, error, before, after, generated } = await runOn(make);
      expect(error).toMatch(message);
      expect(code).toBe(2);
      expect(after).toEqual(before);
      expect(generated).toBe(0);
    },
  );

  it("an unknown argument exits 2 and shows the usage", async () => {
    const { code, error } = await runOn((root) => writeSpec(root, smallUpstream()), ["--wirte"]);
    expect(code).toBe(2);
    expect(error).toContain('unknown argument "--wirte"');
    expect(error).toContain("usage: pnpm spec:sync --from");
  });

  it("a missing --from exits 2 and says what to pass", async () => {
    const errors = [];
    const code = await main([], {
      root: await tempRepo(),
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("--from <file> is required");
  });

  it("a fragment without x-atlas-export-upstream exits 2 and names the block to add", async () => {
    const root = await tempRepo({
      fragment: smallFragment().replace(/x-atlas-export-upstream:\n(  .*\n)+/, ""),
    });
    const errors = [];
    const code = await main(["--from", await writeSpec(root, smallUpstream())], {
      root,
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("needs x-atlas-export-upstream");
  });

  it("a malformed deviation record exits 2 and names the entry", async () => {
    const root = await tempRepo({
      fragment: smallFragment([{ location: "operations.getGroupClusterBackupExport.summary" }]),
    });
    const errors = [];
    const code = await main(["--from", await writeSpec(root, smallUpstream())], {
      root,
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    expect(code).toBe(2);
    expect(errors.join("\n")).toContain("x-atlas-export-deviations[0] needs a `location` and a `why`");
  });
});
