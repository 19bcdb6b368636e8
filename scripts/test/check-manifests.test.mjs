import { describe, expect, it } from "vitest";
import { exportsProblems, expectedLinks, findManifestProblems } from "../check-manifests.mjs";

const readme =
  "# @atlas-export/demo\n\n```sh\nnpm install @atlas-export/demo\n```\n\n```ts\nconsole.log(1);\n```\n";

/** A manifest with everything the checker asks for, for a library in packages/demo. */
function completeManifest() {
  return {
    name: "@atlas-export/demo",
    version: "0.1.0",
    description: "A demo package.",
    keywords: ["demo"],
    license: "Apache-2.0",
    ...expectedLinks("demo"),
    bugs: { url: expectedLinks("demo").bugs },
    type: "module",
    sideEffects: false,
    engines: { node: ">=20.19" },
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    files: ["dist"],
    publishConfig: { access: "public" },
    scripts: { lint: "publint --strict && attw --pack . --profile node16" },
    dependencies: { "@atlas-export/types": "workspace:^" },
  };
}

function problemsOf(manifest, files = { "README.md": readme }, privateNames = new Set()) {
  return findManifestProblems({ folder: "demo", manifest, readFile: (path) => files[path], privateNames });
}

describe("findManifestProblems", () => {
  it("finds nothing wrong with a complete library manifest and README", () => {
    expect(problemsOf(completeManifest())).toEqual([]);
  });

  it.each([
    ["description", /description/],
    ["keywords", /keywords/],
    ["repository", /repository/],
    ["homepage", /homepage/],
    ["bugs", /bugs/],
    ["files", /files/],
    ["sideEffects", /sideEffects/],
    ["engines", /engines/],
    ["publishConfig", /publishConfig/],
    ["exports", /exports/],
  ])("names a missing %s", (field, want) => {
    const manifest = completeManifest();
    delete manifest[field];
    expect(problemsOf(manifest).some((problem) => want.test(problem))).toBe(true);
  });

  it("wants repository.directory to be the package's own folder", () => {
    const manifest = completeManifest();
    manifest.repository = { ...manifest.repository, directory: "packages/other" };
    expect(problemsOf(manifest)).toEqual([expect.stringContaining('"repository.directory"')]);
  });

  it("wants a library to offer both import and require", () => {
    const manifest = completeManifest();
    manifest.exports = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
    expect(problemsOf(manifest)).toEqual([expect.stringContaining('"import" (ESM) and "require" (CJS)')]);
  });

  it("accepts a command-only package whose bin file starts with a node shebang", () => {
    const manifest = { ...completeManifest(), bin: { demo: "./dist/cli.js" } };
    manifest.exports = { "./package.json": "./package.json" };
    const files = { "README.md": readme, "./dist/cli.js": "#!/usr/bin/env node\nconsole.log(1);\n" };
    expect(problemsOf(manifest, files)).toEqual([]);
  });

  it("reports a bin file without a shebang", () => {
    const manifest = { ...completeManifest(), bin: { demo: "./dist/cli.js" } };
    const files = { "README.md": readme, "./dist/cli.js": "console.log(1);\n" };
    expect(problemsOf(manifest, files)).toEqual([expect.stringContaining("must start with")]);
  });

  it("reports a bin file that was not built", () => {
    const manifest = { ...completeManifest(), bin: { demo: "./dist/cli.js" } };
    expect(problemsOf(manifest)).toEqual([expect.stringContaining("run the build first")]);
  });

  it("reports a package without a lint script running publint and attw", () => {
    const manifest = { ...completeManifest(), scripts: { lint: "publint --strict" } };
    expect(problemsOf(manifest)).toEqual([expect.stringContaining('"lint" script')]);
  });

  it("reports a missing README", () => {
    expect(problemsOf(completeManifest(), {})).toEqual([expect.stringContaining("README.md")]);
  });

  it("reports a README without an install line", () => {
    const files = { "README.md": "# demo\n\n```ts\nconsole.log(1);\n```\n" };
    expect(problemsOf(completeManifest(), files)).toEqual([expect.stringContaining("install")]);
  });

  it("reports a runtime dependency on a private workspace package", () => {
    const manifest = completeManifest();
    manifest.dependencies = { "@atlas-export/bench": "workspace:^" };
    const problems = problemsOf(manifest, undefined, new Set(["@atlas-export/bench"]));
    expect(problems).toEqual([expect.stringContaining("private and never published")]);
  });

  it("wants internal dependencies as workspace ranges", () => {
    const manifest = completeManifest();
    manifest.dependencies = { "@atlas-export/types": "^0.1.0" };
    expect(problemsOf(manifest)).toEqual([expect.stringContaining('"workspace:^"')]);
  });
});

describe("exportsProblems", () => {
  it.each([
    [
      "types after import",
      { given: { ".": { import: "./a.js", types: "./a.d.ts" } }, want: ['"types" after "import"'] },
    ],
    [
      "types after default in a nested condition",
      {
        given: { ".": { require: { default: "./a.cjs", types: "./a.d.cts" } } },
        want: ['"types" after "default"'],
      },
    ],
    ["a JavaScript target with no types", { given: { ".": { import: "./a.js" } }, want: ['no "types"'] }],
    ["a plain package.json subpath", { given: { "./package.json": "./package.json" }, want: [] }],
  ])("handles %s", (_name, { given, want }) => {
    const problems = exportsProblems(given);
    expect(problems).toHaveLength(want.length);
    want.forEach((fragment, index) => expect(problems[index]).toContain(fragment));
  });
});
