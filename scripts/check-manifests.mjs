#!/usr/bin/env node
// Checks that every published (non-private) package under packages/ has a manifest complete enough to
// be installed and understood from npm: the fields below, `types` first in every `exports` condition,
// ESM and CJS entry points for libraries, a shebang on every `bin` file (after the build), a `lint`
// script, and a README with an install line and a code example. publint and attw check the built files
// per package (`lint` scripts); this catches what they don't: metadata, READMEs and repository links.
// The published tarball itself (no `workspace:` ranges, real installs) is the release rehearsal's job.
//
//   node scripts/check-manifests.mjs     -> one line per problem, exit 1 when there is any
//
// Plain Node, no dependencies, so it runs before (or without) an install.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** There is no git remote yet; this is the canonical home every manifest and README points to. */
export const repositoryUrl = "https://github.com/atlas-export/atlas-export";
const repositoryGitUrl = `git+${repositoryUrl}.git`;

/** The value a package's manifest needs for each field, given the folder it lives in. */
export function expectedLinks(folder) {
  return {
    repository: { type: "git", url: repositoryGitUrl, directory: `packages/${folder}` },
    homepage: `${repositoryUrl}/tree/main/packages/${folder}#readme`,
    bugs: `${repositoryUrl}/issues`,
  };
}

const nonEmptyString = (value) => typeof value === "string" && value.trim() !== "";

/**
 * Walks an `exports` value and returns a problem for every conditions object whose `types` is not its
 * first key (TypeScript and bundlers take the first matching condition, so a later `types` is never used)
 * and for every JavaScript target that has no `types` beside it on the way down.
 */
export function exportsProblems(value, where = "exports", typesAbove = false) {
  if (typeof value === "string") {
    const isCode = /\.(c|m)?js$/.test(value);
    return isCode && !typesAbove ? [`${where} points to ${value} with no "types" condition before it`] : [];
  }
  if (value === null || typeof value !== "object") return [];
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => key.startsWith("."))) {
    // A subpath map: each entry is checked on its own.
    return keys.flatMap((key) => exportsProblems(value[key], `${where}["${key}"]`, false));
  }
  const problems = [];
  if (keys.includes("types") && keys[0] !== "types")
    problems.push(`${where} lists "types" after "${keys[0]}": put "types" first`);
  const hasTypes = typesAbove || keys.includes("types");
  for (const key of keys) {
    if (key === "types") continue;
    problems.push(...exportsProblems(value[key], `${where}.${key}`, hasTypes));
  }
  return problems;
}

/** Collects every condition name used anywhere under an exports entry. */
function conditionNames(value, names = new Set()) {
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      names.add(key);
      conditionNames(inner, names);
    }
  }
  return names;
}

function binEntries(manifest) {
  if (typeof manifest.bin === "string") return [[manifest.name.split("/").pop(), manifest.bin]];
  return Object.entries(manifest.bin ?? {});
}

/**
 * Returns the problems of one package as sentences that say what to add or change.
 * `folder` is the package's folder name under packages/; `readFile(path)` reads a file relative to the
 * package folder and returns undefined when it does not exist.
 */
export function findManifestProblems({ folder, manifest, readFile, privateNames = new Set() }) {
  const problems = [];
  const need = (ok, message) => {
    if (!ok) problems.push(message);
  };
  const links = expectedLinks(folder);

  need(nonEmptyString(manifest.name), 'add "name"');
  need(
    typeof manifest.name !== "string" || manifest.name.startsWith("@atlas-export/"),
    `"name" should be in the @atlas-export scope (is "${manifest.name}")`,
  );
  need(nonEmptyString(manifest.version), 'add "version"');
  need(nonEmptyString(manifest.description), 'add a one-line "description"');
  need(
    Array.isArray(manifest.keywords) && manifest.keywords.length > 0,
    'add "keywords" (a non-empty array) so npm search finds the package',
  );
  need(nonEmptyString(manifest.license), 'add "license" (the repository is Apache-2.0)');
  need(manifest.type === "module", 'add "type": "module"');

  const repository = manifest.repository;
  if (repository === undefined || typeof repository !== "object") {
    problems.push(`add "repository": ${JSON.stringify(links.repository)}`);
  } else {
    for (const key of ["type", "url", "directory"]) {
      need(
        repository[key] === links.repository[key],
        `"repository.${key}" should be ${JSON.stringify(links.repository[key])} (is ${JSON.stringify(repository[key])})`,
      );
    }
  }
  need(
    manifest.homepage === links.homepage,
    `"homepage" should be ${JSON.stringify(links.homepage)} (is ${JSON.stringify(manifest.homepage)})`,
  );
  const bugsUrl = typeof manifest.bugs === "string" ? manifest.bugs : manifest.bugs?.url;
  need(
    bugsUrl === links.bugs,
    `"bugs" should be ${JSON.stringify({ url: links.bugs })} (is ${JSON.stringify(manifest.bugs)})`,
  );

  need(
    Array.isArray(manifest.files) && manifest.files.includes("dist"),
    'add "files": ["dist"] so only the build is published',
  );
  need(
    typeof manifest.sideEffects === "boolean",
    'add "sideEffects": false (or true if importing it does work)',
  );
  need(nonEmptyString(manifest.engines?.node), 'add "engines": { "node": ">=20.19" }');
  need(manifest.publishConfig?.access === "public", 'add "publishConfig": { "access": "public" }');

  const bins = binEntries(manifest);
  const rootExport =
    manifest.exports && typeof manifest.exports === "object" && !Array.isArray(manifest.exports)
      ? Object.keys(manifest.exports).some((key) => key.startsWith("."))
        ? manifest.exports["."]
        : manifest.exports
      : typeof manifest.exports === "string"
        ? manifest.exports
        : undefined;
  if (manifest.exports === undefined) {
    problems.push('add "exports" (with "types" first in every condition)');
  } else {
    problems.push(...exportsProblems(manifest.exports));
  }
  if (bins.length === 0 || rootExport !== undefined) {
    // A library (anything importable): both module systems, each with its own declarations.
    const names = conditionNames(rootExport);
    need(
      names.has("import") && names.has("require"),
      'exports["."] should offer both "import" (ESM) and "require" (CJS), each with "types" first',
    );
  }
  for (const [command, path] of bins) {
    const text = readFile(path);
    if (text === undefined) {
      problems.push(`bin "${command}" -> ${path} does not exist: run the build first (pnpm build)`);
    } else {
      need(
        text.startsWith("#!/usr/bin/env node"),
        `bin "${command}" -> ${path} must start with "#!/usr/bin/env node"`,
      );
    }
  }

  const lint = manifest.scripts?.lint ?? "";
  need(
    lint.includes("publint") && lint.includes("attw"),
    'add a "lint" script: "publint --strict && attw --pack . --profile node16" (ESM-only: --profile esm-only)',
  );

  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      need(
        !privateNames.has(dependency),
        `"${field}" names ${dependency}, which is private and never published: installs would fail`,
      );
      need(
        !dependency.startsWith("@atlas-export/") || String(range).startsWith("workspace:"),
        `"${field}.${dependency}" should be "workspace:^" so the published range follows the release`,
      );
    }
  }

  const readme = readFile("README.md");
  if (readme === undefined) {
    problems.push("add a README.md (install line, a working example, links)");
  } else {
    need(
      readme.includes(`install ${manifest.name}`) || readme.includes(`add ${manifest.name}`),
      `README.md should show how to install it ("npm install ${manifest.name}")`,
    );
    need(
      /```(ts|typescript|js|javascript|mjs|cjs|sh|bash|console)\n/.test(readme),
      "README.md needs a code example",
    );
  }
  return problems;
}

/** Reads every package under packages/ and returns [{ folder, name, private, problems }]. */
export function checkWorkspace(workspaceRoot = root) {
  const packagesDir = join(workspaceRoot, "packages");
  const folders = readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, "package.json")))
    .map((entry) => entry.name)
    .sort();
  const manifests = folders.map((folder) => ({
    folder,
    manifest: JSON.parse(readFileSync(join(packagesDir, folder, "package.json"), "utf8")),
  }));
  const privateNames = new Set(
    manifests.filter(({ manifest }) => manifest.private).map(({ manifest }) => manifest.name),
  );
  return manifests.map(({ folder, manifest }) => {
    const readFile = (path) => {
      const full = join(packagesDir, folder, path);
      return existsSync(full) ? readFileSync(full, "utf8") : undefined;
    };
    return {
      folder,
      name: manifest.name,
      private: manifest.private === true,
      problems: manifest.private ? [] : findManifestProblems({ folder, manifest, readFile, privateNames }),
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = checkWorkspace();
  let count = 0;
  for (const result of results) {
    if (result.private) {
      console.log(`check-manifests: ${result.name} (private, not published): skipped`);
    } else if (result.problems.length === 0) {
      console.log(`check-manifests: ${result.name}: ok`);
    } else {
      count += result.problems.length;
      for (const problem of result.problems)
        console.error(`check-manifests: ${result.name} (packages/${result.folder}): ${problem}`);
    }
  }
  if (count > 0) {
    console.error(`check-manifests: ${count} problem(s); see the "Releasing" section of the README`);
    process.exit(1);
  }
}
