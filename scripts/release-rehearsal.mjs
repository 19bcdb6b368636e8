#!/usr/bin/env node
// Release rehearsal: does a release of this repository really install? Without touching the checkout or
// the real npm registry it
//   1. copies the repository (tracked and untracked files, no node_modules) into a temporary folder,
//      makes it a throwaway git repository and installs it;
//   2. applies the pending changesets there with `pnpm version-packages` (`changeset version` runs with
//      no network when `unshare -n` is available, which proves the changelog generator needs none) —
//      adding a patch changeset for every public package first when none is pending; a `fixed` group
//      (types + client) must come out at one version;
//   3. starts Verdaccio on 127.0.0.1 (a free port, a throwaway storage folder, NO uplinks, so nothing
//      can come from or leak to npmjs.org through it), builds, and publishes every public package with
//      `changeset publish`;
//   4. reads every published tarball's package.json: real version ranges, never `workspace:`/`catalog:`;
//   5. in fresh folders outside the workspace, installs the released versions with npm AND with pnpm
//      (`@atlas-export/*` from Verdaccio via a scoped registry, third-party dependencies from the usual
//      registry) and checks ESM `import` and CJS `require` of every `exports` entry point, TypeScript
//      under moduleResolution node16 and bundler (the READMEs' ```ts examples included),
//      `npx atlas-export --help`, and a real call from the installed client to the installed emulator;
//   6. stops the registry and removes every temporary folder and cache, also on failure or Ctrl-C.
//
//   node scripts/release-rehearsal.mjs            (root script: pnpm release:rehearsal)
//   node scripts/release-rehearsal.mjs --keep     keep the temporary folder for a post-mortem
//   node scripts/release-rehearsal.mjs --committed  rehearse the last commit (HEAD), not the working tree
//
// Packages that have not landed yet are reported as "skipped: not in this repository yet".
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { isBuiltin } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePnpm, pnpmEnv } from "./bootstrap.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const committedOnly = process.argv.includes("--committed");
const startedAt = Date.now();

/** The published packages this rehearsal knows how to exercise, and what each must offer. */
const expectedPackages = {
  "@atlas-export/types": { esm: ["isTerminalState", "TERMINAL_STATES", "BACKUP_EXPORT_JOB_STATES"] },
  "@atlas-export/client": { esm: ["createAtlasClient", "digestAuth", "serviceAccountAuth", "AtlasApiError"] },
  "@atlas-export/mock-server": { esm: ["startMockAtlas"] },
  "@atlas-export/cli": { bin: "atlas-export" },
};

// ---------------------------------------------------------------------------------------------------
// Output, failure and cleanup

function log(message) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(3);
  console.log(`rehearsal [${seconds}s] ${message}`);
}

class RehearsalError extends Error {}

function check(condition, message) {
  if (!condition) throw new RehearsalError(message);
}

const tempRoot = mkdtempSync(join(tmpdir(), "atlas-export-rehearsal-"));
const children = new Set();
let cleanedUp = false;

/** Kills what is still running (each child leads its own process group) and removes the temp folder. */
function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  children.clear();
  if (keep) {
    console.log(`rehearsal: kept ${tempRoot}`);
  } else {
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  }
}

process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`rehearsal: ${signal}: stopping the registry and removing ${tempRoot}`);
    cleanUp();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 0));
  });
}

/**
 * Runs a command to completion without blocking the event loop (so signals are handled meanwhile);
 * resolves to its output, or throws with the command's output when it fails.
 */
function run(command, args, { cwd, env = process.env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    // A hung install or call must not hold CI (or the registry) forever.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    let output = "";
    const collect = (chunk) => (output += chunk);
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(new RehearsalError(`could not start ${command}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) return resolve({ code, output });
      const where = cwd ? ` (in ${relative(tempRoot, cwd) || "."})` : "";
      const how = timedOut ? `a timeout after ${timeoutMs / 1000} s` : (signal ?? `exit code ${code}`);
      reject(
        new RehearsalError(`\`${command} ${args.join(" ")}\`${where} failed with ${how}:\n${output.trim()}`),
      );
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// The workspace and its copy

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The packages under packages/ with their manifests, in folder order. */
function workspacePackages(workspaceRoot) {
  const dir = join(workspaceRoot, "packages");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "package.json")))
    .map((entry) => ({
      folder: entry.name,
      dir: join(dir, entry.name),
      manifest: readJson(join(dir, entry.name, "package.json")),
    }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** A version from the pnpm catalog, so the consumers use the TypeScript and @types/node the repo uses. */
function catalogVersion(name) {
  const text = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const quoted = name.startsWith("@") ? `"${name}"` : name;
  const match = new RegExp(`^\\s+${quoted.replace(/[/.]/g, "\\$&")}:\\s*(\\S+)\\s*$`, "m").exec(text);
  check(match, `pnpm-workspace.yaml: no catalog entry for ${name}`);
  return match[1];
}

/**
 * Copies the working tree as `git status` sees it (tracked and untracked files, not ignored ones) into
 * `target`; with --committed, the HEAD commit instead.
 */
function copyRepository(target) {
  mkdirSync(target, { recursive: true });
  if (committedOnly) {
    const archive = spawnSync("sh", ["-c", 'git archive --format=tar HEAD | tar -x -C "$0"', target], {
      cwd: root,
    });
    check(archive.status === 0, `git archive HEAD failed: ${archive.stderr}`);
    return "the HEAD commit";
  }
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  check(listed.status === 0, `git ls-files failed: ${listed.stderr}`);
  let count = 0;
  for (const path of listed.stdout.split("\0")) {
    if (path === "" || !existsSync(join(root, path))) continue; // deleted in the working tree
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(join(root, path), join(target, path));
    count += 1;
  }
  return `${count} files of the working tree`;
}

const gitIdentity = [
  "-c",
  "user.name=Release Rehearsal",
  "-c",
  "user.email=rehearsal@localhost",
  "-c",
  "commit.gpgsign=false",
];

async function commitAll(repo, message) {
  await run("git", [...gitIdentity, "add", "-A"], { cwd: repo });
  await run("git", [...gitIdentity, "commit", "-q", "--allow-empty", "-m", message], { cwd: repo });
}

/** The pending changesets (every .changeset/*.md but the README). */
function pendingChangesets(repo) {
  return readdirSync(join(repo, ".changeset")).filter((name) => name.endsWith(".md") && name !== "README.md");
}

/** Whether `unshare -n` can cut a command off the network here (root or user namespaces needed). */
function canIsolateNetwork() {
  return spawnSync("unshare", ["-n", "true"], { stdio: "ignore" }).status === 0;
}

// ---------------------------------------------------------------------------------------------------
// The registry

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Verdaccio with no uplinks in `dir`; resolves to { url, stop() } once it answers /-/ping. */
async function startRegistry(dir) {
  mkdirSync(join(dir, "storage"), { recursive: true });
  // No `uplinks`, and no `proxy` on any package rule: the registry only serves what is published to it.
  writeFileSync(
    join(dir, "config.yaml"),
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    unpublish: $authenticated",
      "server:",
      "  keepAliveTimeout: 60",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const bin = join(root, "node_modules", "verdaccio", "bin", "verdaccio");
  check(existsSync(bin), "verdaccio is not installed: run `pnpm install` at the repository root");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [bin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`],
    {
      cwd: dir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    },
  );
  children.add(child);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on("exit", resolve));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new RehearsalError(`verdaccio exited at start:\n${output}`);
    const ok = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline)
      throw new RehearsalError(`verdaccio did not answer on ${url} within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  async function stop() {
    if (child.exitCode === null) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    children.delete(child);
  }
  return { url, port, stop, output: () => output };
}

/** Creates the publishing user through the npm login API Verdaccio implements; resolves to its token. */
async function createUser(registryUrl) {
  const name = "rehearsal";
  const response = await fetch(`${registryUrl}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: `throwaway-${process.pid}-${Date.now()}` }),
  });
  const body = await response.json().catch(() => ({}));
  check(
    response.ok && typeof body.token === "string",
    `verdaccio refused to create a user: ${response.status}`,
  );
  return body.token;
}

async function packument(registryUrl, name) {
  const response = await fetch(`${registryUrl}${name.replace("/", "%2f")}`);
  check(response.ok, `${name} is not on the rehearsal registry (HTTP ${response.status})`);
  return response.json();
}

// ---------------------------------------------------------------------------------------------------
// Checks on what was published

const dependencyFields = ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"];

/** Downloads a published tarball and checks its package.json; resolves to that manifest. */
async function inspectTarball(registryUrl, name, version, publishedVersions, dir) {
  const meta = await packument(registryUrl, name);
  const entry = meta.versions?.[version];
  check(
    entry,
    `${name}@${version} was not published (the registry has ${Object.keys(meta.versions ?? {}).join(", ")})`,
  );
  const response = await fetch(entry.dist.tarball);
  check(response.ok, `could not download ${entry.dist.tarball} (HTTP ${response.status})`);
  const tarball = join(dir, `${name.replace("/", "-")}-${version}.tgz`);
  writeFileSync(tarball, Buffer.from(await response.arrayBuffer()));
  const listing = await run("tar", ["-tzf", tarball]);
  await run("tar", ["-xzf", tarball, "-C", dir, "package/package.json"]);
  const published = readJson(join(dir, "package", "package.json"));
  rmSync(join(dir, "package"), { recursive: true, force: true });

  const files = listing.output.split("\n").filter(Boolean);
  if (!files.includes("package/README.md")) {
    // scripts/check-manifests.mjs (pnpm lint) fails on it; here it is not what decides whether it installs.
    log(`warning: ${name}@${version}: the tarball has no README.md (npm would show an empty page)`);
  }
  check(
    files.every((file) => !/^package\/(src|test)\//.test(file)),
    `${name}: the tarball carries src/ or test/ files: set "files": ["dist"]`,
  );
  for (const field of dependencyFields) {
    for (const [dependency, range] of Object.entries(published[field] ?? {})) {
      check(
        !/^(workspace|catalog|link|file|portal):/.test(range),
        `${name}@${version}: published ${field}.${dependency} is "${range}"; pnpm publish should have replaced it`,
      );
      const internal = publishedVersions.get(dependency);
      if (internal !== undefined && field !== "devDependencies") {
        check(
          [`^${internal}`, `~${internal}`, internal].includes(range),
          `${name}@${version}: ${field}.${dependency} is "${range}", which does not name the released ${internal}`,
        );
      }
    }
  }
  return { published, files, integrity: entry.dist.integrity };
}

// ---------------------------------------------------------------------------------------------------
// The consumer projects

/** The ```ts blocks of a README, in order. */
function readmeExamples(readme) {
  return [...readme.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/**
 * Groups README examples into modules the way a reader reads them: a block with its own `import`s
 * starts a new example; a block without any continues the one above (it uses what that declared).
 */
function readmeModules(examples) {
  const modules = [];
  for (const example of examples) {
    if (modules.length === 0 || /^\s*import\s/m.test(example)) modules.push([example]);
    else modules.at(-1).push(example);
  }
  return modules;
}

/** Writes the check programs into a consumer folder, for the packages that were published. */
function writeConsumerChecks(dir, released, registryUrl) {
  const names = [...released.keys()];
  const has = (name) => released.has(name);

  writeFileSync(
    join(dir, ".npmrc"),
    // Only our scope comes from the rehearsal registry; third-party dependencies from the usual one.
    `@atlas-export:registry=${registryUrl}\n`,
  );

  // Every entry point of every library (its `exports` subpaths), with the names each must offer.
  const expectations = {};
  for (const [name, { subpaths }] of released) {
    for (const subpath of subpaths) {
      const specifier = subpath === "." ? name : `${name}${subpath.slice(1)}`;
      expectations[specifier] = subpath === "." ? (expectedPackages[name]?.esm ?? []) : [];
    }
  }
  const checkBody = (load) => `const expectations = ${JSON.stringify(expectations)};
for (const [specifier, exportNames] of Object.entries(expectations)) {
  const module = ${load};
  assert.ok(Object.keys(module).length > 0, \`\${specifier} exports nothing\`);
  for (const exportName of exportNames) assert.ok(module[exportName] !== undefined, \`\${specifier} has no \${exportName}\`);
}`;
  writeFileSync(
    join(dir, "check-esm.mjs"),
    `import assert from "node:assert/strict";\n${checkBody("await import(specifier)")}
console.log("import ok:", Object.keys(expectations).join(", "));\n`,
  );
  writeFileSync(
    join(dir, "check-cjs.cjs"),
    `const assert = require("node:assert/strict");\n${checkBody("require(specifier)")}
console.log("require ok:", Object.keys(expectations).join(", "));\n`,
  );

  // The same program type-checked as ESM (.mts) and CJS (.cts) under node16, and under bundler.
  const typeProgram = [
    // Each entry point resolves to declarations (a namespace import of a missing one fails to compile).
    Object.keys(expectations).length > 0 &&
      `${Object.keys(expectations)
        .map((specifier, index) => `import * as entry${index} from "${specifier}";`)
        .join("\n")}\nexport const entries = [${Object.keys(expectations)
        .map((_, index) => `entry${index}`)
        .join(", ")}];`,
    has("@atlas-export/types") &&
      `import { isTerminalState, type BackupExportJob, type BackupExportJobState } from "@atlas-export/types";
const state: BackupExportJobState = "InProgress";
const done: boolean = isTerminalState(state);
// @ts-expect-error "Paused" is not a job state: the union is closed.
const wrong: BackupExportJobState = "Paused";
export const typesUsage = { done, wrong, id: undefined as BackupExportJob["id"] };`,
    has("@atlas-export/client") &&
      `import { createAtlasClient, digestAuth, AtlasApiError } from "@atlas-export/client";
export async function clientUsage(): Promise<string | undefined> {
  const atlas = createAtlasClient({ auth: digestAuth({ publicKey: "p", privateKey: "k" }) });
  try {
    const job = await atlas.getBackupExportJob({ groupId: "g", clusterName: "c", exportId: "e" });
    return job.state;
  } catch (error) {
    if (error instanceof AtlasApiError) return String(error.status);
    throw error;
  } finally {
    await atlas.close();
  }
}`,
    has("@atlas-export/mock-server") &&
      `import { startMockAtlas } from "@atlas-export/mock-server";
export async function mockUsage(): Promise<string> {
  const mock = await startMockAtlas();
  await mock.close();
  return mock.url;
}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const tsFiles = { node16: [], bundler: [] };
  if (typeProgram) {
    writeFileSync(join(dir, "program.mts"), `${typeProgram}\n`);
    writeFileSync(join(dir, "program.cts"), `${typeProgram}\n`);
    writeFileSync(join(dir, "program.ts"), `${typeProgram}\n`);
    tsFiles.node16.push("program.mts", "program.cts");
    tsFiles.bundler.push("program.ts");
  }
  let exampleCount = 0;
  for (const name of names) {
    const modules = readmeModules(readmeExamples(released.get(name).readme));
    modules.forEach((module, index) => {
      // `export {}` makes each file a module of its own, so examples cannot see each other's names.
      const file = `readme-${name.split("/")[1]}-${index + 1}.ts`;
      writeFileSync(join(dir, file), `${module.join("\n")}\nexport {};\n`);
      tsFiles.bundler.push(file);
      exampleCount += module.length;
    });
  }
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: "es2022",
    lib: ["es2022"],
    types: ["node"],
  };
  writeFileSync(
    join(dir, "tsconfig.node16.json"),
    JSON.stringify(
      {
        compilerOptions: { ...compilerOptions, module: "node16", moduleResolution: "node16" },
        files: tsFiles.node16,
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, "tsconfig.bundler.json"),
    JSON.stringify(
      {
        compilerOptions: { ...compilerOptions, module: "preserve", moduleResolution: "bundler" },
        files: tsFiles.bundler,
      },
      null,
      2,
    ),
  );

  if (has("@atlas-export/client") && has("@atlas-export/mock-server")) {
    writeFileSync(
      join(dir, "check-call.mjs"),
      `import assert from "node:assert/strict";
import { createAtlasClient, digestAuth, serviceAccountAuth } from "@atlas-export/client";
import { startMockAtlas, DEMO_API_KEY, DEMO_SERVICE_ACCOUNT, DOCUMENTED_EXPORT_JOB_DEFINITION } from "@atlas-export/mock-server";

const { groupId, clusterName, exportId } = DOCUMENTED_EXPORT_JOB_DEFINITION;
const mock = await startMockAtlas();
try {
  for (const [label, auth] of [
    ["digest", digestAuth(DEMO_API_KEY)],
    ["service account", serviceAccountAuth(DEMO_SERVICE_ACCOUNT)],
  ]) {
    const atlas = createAtlasClient({ auth, baseUrl: mock.url });
    try {
      const job = await atlas.getBackupExportJob({ groupId, clusterName, exportId });
      assert.equal(job.id, DOCUMENTED_EXPORT_JOB_DEFINITION.body?.id ?? exportId);
      assert.ok(typeof job.state === "string", "the job has a state");
      console.log(\`call ok (\${label}): \${job.id} is \${job.state}\`);
    } finally {
      await atlas.close();
    }
  }
} finally {
  await mock.close();
}
`,
    );
  }
  return { exampleCount, tsFiles };
}

/**
 * Environment variables that point npm's cache and pnpm's metadata cache and state into `dir`: nothing
 * from the rehearsal registry may land in, or be served later from, the machine's own caches.
 */
function throwawayCaches(dir) {
  return {
    npm_config_cache: join(dir, ".npm-cache"),
    XDG_CACHE_HOME: join(dir, ".cache"),
    XDG_STATE_HOME: join(dir, ".state"),
  };
}

/**
 * Third-party packages the README examples import themselves (e.g. `openapi-fetch`, to show the auth
 * middleware on one's own client): a reader installs them next to ours, so the consumers do too, at the
 * version a released package depends on. With pnpm's strict node_modules they would not resolve otherwise.
 */
function readmeThirdPartyImports(released) {
  const wanted = new Map();
  for (const { readme } of released.values()) {
    for (const example of readmeExamples(readme)) {
      for (const [, specifier] of example.matchAll(/\bfrom\s+["']([^"'.][^"']*)["']/g)) {
        const name = specifier
          .split("/")
          .slice(0, specifier.startsWith("@") ? 2 : 1)
          .join("/");
        if (name.startsWith("@atlas-export/") || name.startsWith("node:") || isBuiltin(name)) continue;
        const range = [...released.values()]
          .map(({ dependencies }) => dependencies?.[name])
          .find((value) => value !== undefined);
        wanted.set(name, range === undefined ? name : `${name}@${range}`);
      }
    }
  }
  return [...wanted.values()];
}

/** Installs the released packages into a fresh folder with npm or pnpm and runs every check there. */
async function exerciseConsumer(tool, dir, released, registryUrl, pnpm) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: `rehearsal-consumer-${tool}`, version: "0.0.0", private: true }, null, 2),
  );
  const { exampleCount, tsFiles } = writeConsumerChecks(dir, released, registryUrl);
  const specs = [...released].map(([name, { version }]) => `${name}@${version}`);
  const tools = [
    `typescript@${catalogVersion("typescript")}`,
    `@types/node@${catalogVersion("@types/node")}`,
    ...readmeThirdPartyImports(released),
  ];
  // A clean environment: nothing of the workspace's pnpm/npm configuration may leak into the consumer.
  // Third-party dependencies come from the machine's usual registry (~/.npmrc or the default).
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(npm|pnpm)_(config|package|lifecycle)_/i.test(key)) delete env[key];
  env.PATH = pnpmEnv(pnpm).PATH;
  Object.assign(env, throwawayCaches(dir));

  log(`${tool}: installing ${specs.join(" ")} in a fresh folder (with ${tools.join(" ")})`);
  if (tool === "npm") {
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs, ...tools], {
      cwd: dir,
      env,
    });
  } else {
    // Just published: a minimum release age would (rightly, elsewhere) hold them back.
    const store = `--store-dir=${join(dir, ".pnpm-store")}`;
    await run(pnpm, ["add", "--config.minimumReleaseAge=0", store, ...specs, ...tools], {
      cwd: dir,
      env,
    });
  }
  const lockfile = readFileSync(join(dir, tool === "npm" ? "package-lock.json" : "pnpm-lock.yaml"), "utf8");
  for (const [name, { version, integrity }] of released) {
    const installed = readJson(join(dir, "node_modules", ...name.split("/"), "package.json"));
    check(
      installed.version === version,
      `${tool}: installed ${name}@${installed.version}, expected ${version}`,
    );
    // The very bytes the rehearsal registry holds, not a namesake from another registry.
    check(lockfile.includes(integrity), `${tool}: ${name} was not installed from the rehearsal registry`);
  }

  const node = (args) => run(process.execPath, args, { cwd: dir, env });
  if (readFileSync(join(dir, "check-esm.mjs"), "utf8").includes("@atlas-export")) {
    log(`${tool}: ${(await node(["check-esm.mjs"])).output.trim()}`);
    log(`${tool}: ${(await node(["check-cjs.cjs"])).output.trim()}`);
  }
  const tsc = join(dir, "node_modules", "typescript", "bin", "tsc");
  if (tsFiles.node16.length > 0) {
    await node([tsc, "-p", "tsconfig.node16.json"]);
    log(`${tool}: TypeScript node16 ok (ESM .mts and CJS .cts)`);
  }
  if (tsFiles.bundler.length > 0) {
    await node([tsc, "-p", "tsconfig.bundler.json"]);
    log(`${tool}: TypeScript bundler ok (${exampleCount} README example(s) included)`);
  }
  if (released.has("@atlas-export/cli")) {
    const help =
      tool === "npm"
        ? await run("npx", ["--no-install", "atlas-export", "--help"], { cwd: dir, env })
        : await run(pnpm, ["exec", "atlas-export", "--help"], { cwd: dir, env });
    check(
      /atlas-export/.test(help.output),
      `${tool}: \`atlas-export --help\` printed no usage:\n${help.output}`,
    );
    log(`${tool}: ${tool === "npm" ? "npx" : "pnpm exec"} atlas-export --help ok`);
  } else {
    log(`${tool}: atlas-export --help skipped: @atlas-export/cli not in this repository yet`);
  }
  if (existsSync(join(dir, "check-call.mjs"))) {
    for (const line of (await node(["check-call.mjs"])).output.trim().split("\n")) log(`${tool}: ${line}`);
  } else {
    log(
      `${tool}: client -> emulator call skipped: needs both @atlas-export/client and @atlas-export/mock-server`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// The rehearsal

async function main() {
  const pnpm = ensurePnpm();
  const baseEnv = { ...pnpmEnv(pnpm), CI: "true", npm_config_update_notifier: "false" };
  const repo = join(tempRoot, "repo");
  const registryDir = join(tempRoot, "registry");
  const tarballDir = join(tempRoot, "tarballs");
  mkdirSync(tarballDir, { recursive: true });

  // 1. The copy.
  const copied = copyRepository(repo);
  const packages = workspacePackages(repo);
  const publicPackages = packages.filter(({ manifest }) => !manifest.private);
  log(`copied ${copied} to ${repo}`);
  for (const name of Object.keys(expectedPackages)) {
    log(
      publicPackages.some(({ manifest }) => manifest.name === name)
        ? `${name}: in this repository`
        : `${name}: skipped: not in this repository yet`,
    );
  }
  check(publicPackages.length > 0, "no public package under packages/: nothing to release");
  await run("git", ["init", "-q", "-b", "main"], { cwd: repo });
  await commitAll(repo, "rehearsal: snapshot of the working tree");
  await run(pnpm, ["install", "--no-frozen-lockfile", "--prefer-offline", "--reporter=append-only"], {
    cwd: repo,
    env: baseEnv,
  });
  log("installed the copy");

  // 2. Versions and changelogs.
  if (pendingChangesets(repo).length === 0) {
    const frontMatter = publicPackages.map(({ manifest }) => `"${manifest.name}": patch`).join("\n");
    writeFileSync(
      join(repo, ".changeset", "release-rehearsal.md"),
      `---\n${frontMatter}\n---\n\nRelease rehearsal: a patch release of every public package.\n`,
    );
    await commitAll(repo, "rehearsal: add a changeset");
    log("no pending changeset: added .changeset/release-rehearsal.md (patch for every public package)");
  } else {
    log(`pending changesets: ${pendingChangesets(repo).join(", ")}`);
  }
  const before = new Map(publicPackages.map(({ manifest }) => [manifest.name, manifest.version]));
  const changesetBin = join(repo, "node_modules", ".bin", "changeset");
  if (canIsolateNetwork()) {
    await run("unshare", ["-n", changesetBin, "version"], { cwd: repo, env: baseEnv });
    log("changeset version ok with no network at all (unshare -n): the changelog generator is offline");
  } else {
    await run(changesetBin, ["version"], { cwd: repo, env: baseEnv });
    log("changeset version ok (could not cut the network off here: unshare -n is not permitted)");
  }
  // The rest of `pnpm version-packages`: the lockfile and formatting. Running the script itself
  // again is a no-op for `changeset version` (no changeset left) and proves the script works.
  await run(pnpm, ["run", "version-packages"], { cwd: repo, env: baseEnv });
  log("pnpm version-packages ok (changeset version, lockfile, prettier)");

  const released = new Map();
  for (const { folder, dir, manifest: old } of publicPackages) {
    const manifest = readJson(join(dir, "package.json"));
    const changelog = join(dir, "CHANGELOG.md");
    if (manifest.version !== before.get(manifest.name)) {
      check(
        existsSync(changelog),
        `${manifest.name}: versioned to ${manifest.version} but no CHANGELOG.md was written`,
      );
    }
    log(
      `${manifest.name}: ${old.version} -> ${manifest.version}${existsSync(changelog) ? " (CHANGELOG.md written)" : " (unchanged)"}`,
    );
    const readme = existsSync(join(dir, "README.md")) ? readFileSync(join(dir, "README.md"), "utf8") : "";
    // Entry points other than ./package.json (no `*` patterns here to expand).
    const subpaths = Object.keys(manifest.exports ?? {}).filter(
      (key) => key.startsWith(".") && key !== "./package.json" && !key.includes("*"),
    );
    released.set(manifest.name, { folder, version: manifest.version, readme, subpaths });
  }
  check(
    pendingChangesets(repo).length === 0,
    `changesets left after versioning: ${pendingChangesets(repo).join(", ")}`,
  );
  // The packages of a `fixed` group (types and client) must come out of versioning at one version.
  for (const group of readJson(join(repo, ".changeset", "config.json")).fixed ?? []) {
    const present = group.filter((name) => released.has(name));
    const versions = new Set(present.map((name) => released.get(name).version));
    check(versions.size <= 1, `fixed group ${present.join(" + ")} got different versions: ${[...versions]}`);
    if (present.length > 1) log(`fixed group ${present.join(" + ")}: one version, ${[...versions][0]}`);
  }
  await commitAll(repo, "rehearsal: version packages");

  // 3. Build and publish to a registry with no uplinks.
  await run(pnpm, ["exec", "turbo", "run", "build", "--output-logs=errors-only"], {
    cwd: repo,
    env: baseEnv,
  });
  log("built every package");
  const registry = await startRegistry(registryDir);
  try {
    log(`verdaccio listening on ${registry.url} (storage in ${relative(tempRoot, registryDir)}, no uplinks)`);
    const token = await createUser(registry.url);
    const host = registry.url.replace(/^http:/, "");
    // The copy's own .npmrc: npm (npm info) and pnpm (pnpm publish) both read it from the workspace root.
    writeFileSync(join(repo, ".npmrc"), `registry=${registry.url}\n${host}:_authToken=${token}\n`);
    const publishEnv = { ...baseEnv, ...throwawayCaches(registryDir), npm_config_registry: registry.url };
    const published = await run(pnpm, ["exec", "changeset", "publish"], { cwd: repo, env: publishEnv });
    const publishedVersions = new Map([...released].map(([name, { version }]) => [name, version]));
    for (const [name, release] of released) {
      const { version } = release;
      const inspected = await inspectTarball(registry.url, name, version, publishedVersions, tarballDir);
      release.integrity = inspected.integrity;
      release.dependencies = { ...inspected.published.peerDependencies, ...inspected.published.dependencies };
      log(`published ${name}@${version}: the tarball's manifest has real version ranges`);
    }
    check(
      /published|New tag/i.test(published.output),
      `changeset publish said nothing about publishing:\n${published.output}`,
    );

    // 4. Fresh consumers.
    await exerciseConsumer("npm", join(tempRoot, "consumer-npm"), released, registry.url, pnpm);
    await exerciseConsumer("pnpm", join(tempRoot, "consumer-pnpm"), released, registry.url, pnpm);
  } finally {
    await registry.stop();
    log("verdaccio stopped");
  }
}

try {
  await main();
  log(`passed: ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`rehearsal failed: ${error instanceof RehearsalError ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  cleanUp();
  if (!keep) check(!existsSync(tempRoot), `could not remove ${tempRoot}`);
}
