import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../cli.mjs";
import { syncSpec } from "../sync.mjs";
import { operationPath, smallFragment, smallUpstream, writeSpec } from "./support/small-spec.mjs";
import { snapshot, tempRepo } from "./support/temp-repo.mjs";

const job = (doc) => doc.components.schemas.DiskBackupExportJob;

/** A temporary repo with the small fragment and an edited small upstream; returns {root, from}. */
async function setUp(edit, deviations) {
  const root = await tempRepo({ fragment: smallFragment(deviations) });
  const upstream = smallUpstream();
  edit(upstream);
  return { root, from: await writeSpec(root, upstream) };
}

async function readSpec(root) {
  return parse(await readFile(join(root, "spec", "openapi.yaml"), "utf8"));
}

async function changesets(root) {
  const names = (await readdir(join(root, ".changeset"))).filter((name) => name.endsWith(".md"));
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(root, ".changeset", name), "utf8") })),
  );
}

async function addPackage(root, name, manifest) {
  await mkdir(join(root, "packages", name), { recursive: true });
  await writeFile(join(root, "packages", name, "package.json"), JSON.stringify(manifest));
}

describe("spec:sync --write", () => {
  it("takes upstream's new field and copies in the component it references", async () => {
    const { root, from } = await setUp((d) => {
      job(d).properties.stateReason = { $ref: "#/components/schemas/StateReason" };
      d.components.schemas.StateReason = { type: "object", properties: { message: { type: "string" } } };
    });
    await syncSpec({ from, root, write: true, generate: () => {} });
    const spec = await readSpec(root);
    expect(job(spec).properties.stateReason).toEqual({ $ref: "#/components/schemas/StateReason" });
    expect(spec.components.schemas.StateReason).toEqual({
      type: "object",
      properties: { message: { type: "string" } },
    });
  });

  it("drops components nothing references any more", async () => {
    const { root, from } = await setUp((d) => {
      delete d.paths[operationPath].get.responses[404];
      delete d.components.responses;
    });
    await syncSpec({ from, root, write: true, generate: () => {} });
    const spec = await readSpec(root);
    expect(spec.paths[operationPath].get.responses[404]).toBeUndefined();
    expect(spec.components.responses).toBeUndefined();
    expect(Object.keys(spec.components.schemas)).toEqual(["DiskBackupExportJob"]);
  });

  it("keeps every deliberate deviation and the documented examples", async () => {
    const fragment = smallFragment([
      {
        location: "operations.getBackupExportJob.operationId",
        kind: "changed",
        upstream: "getGroupClusterBackupExport",
        why: "page name",
      },
      {
        location: "responses.notFound.content.application/json.examples",
        kind: "changed",
        why: "documented example",
      },
    ])
      .replaceAll("operationId: getGroupClusterBackupExport", "operationId: getBackupExportJob")
      .replace(/example:\n(\s+)error: 404/, "examples:\n$1documented:\n$1  value:\n$1    error: 404");
    const root = await tempRepo({ fragment });
    const upstream = smallUpstream();
    upstream.paths[operationPath].get.operationId = "getBackupExportJobV3";
    job(upstream).properties.createdAt.description = "Creation time.";
    const from = await writeSpec(root, upstream);
    await syncSpec({ from, root, write: true, generate: () => {} });
    const spec = await readSpec(root);
    expect(spec.paths[operationPath].get.operationId).toBe("getBackupExportJob");
    expect(
      spec.components.responses.notFound.content["application/json"].examples.documented.value.error,
    ).toBe(404);
    expect(job(spec).properties.createdAt.description).toBe("Creation time.");
    expect(spec["x-atlas-export-deviations"][0].upstream).toBe("getBackupExportJobV3");
  });

  it("leaves the fragment in step: a second sync has nothing to do", async () => {
    const { root, from } = await setUp((d) => {
      d.security = [{ DigestAuth: [] }];
      job(d).properties.state.enum.push("Expired");
      delete job(d).required;
      d.paths[operationPath].get.parameters.push({
        name: "pretty",
        in: "query",
        schema: { type: "boolean" },
      });
      d.paths[operationPath].get.parameters.splice(1, 1);
    });
    const first = await syncSpec({ from, root, write: true, generate: () => {} });
    expect(first.exitCode).toBe(0);
    const second = await syncSpec({ from, root });
    expect(second.report).toContain("Nothing to do");
    expect(second.exitCode).toBe(0);
  });

  it("runs generate once, in the repository it wrote to", async () => {
    const { root, from } = await setUp((d) => (job(d).properties.extra = { type: "string" }));
    const calls = [];
    await syncSpec({ from, root, write: true, generate: (options) => void calls.push(options) });
    expect(calls).toEqual([{ root }]);
  });

  it("writes a changeset whose bump follows the classification and lists the changes", async () => {
    const { root, from } = await setUp((d) => (job(d).properties.extra = { type: "string" }));
    await syncSpec({ from, root, write: true, generate: () => {} });
    const [changeset] = await changesets(root);
    expect(changeset.name).toMatch(/^spec-sync-upstream-\d{4}-\d{2}-\d{2}\.md$/);
    expect(changeset.text).toMatch(
      /^---\n"@atlas-export\/types": minor\n---\n\nSync getGroupClusterBackupExport with the upstream Atlas Admin API v2 spec/,
    );
    expect(changeset.text).toContain(
      "- non-breaking: `schemas.DiskBackupExportJob.properties.extra` added (optional response field added)",
    );
  });

  it("gives a breaking change a major bump of types and of every published package depending on it", async () => {
    const { root, from } = await setUp((d) => delete job(d).properties.createdAt);
    await addPackage(root, "types", { name: "@atlas-export/types" });
    await addPackage(root, "client", {
      name: "@atlas-export/client",
      dependencies: { "@atlas-export/types": "workspace:^" },
    });
    await addPackage(root, "cli", {
      name: "@atlas-export/cli",
      dependencies: { "@atlas-export/client": "workspace:^" },
    });
    await addPackage(root, "contract-tests", {
      name: "@atlas-export/contract-tests",
      private: true,
      dependencies: { "@atlas-export/types": "workspace:^" },
    });
    await syncSpec({ from, root, write: true, generate: () => {} });
    const [changeset] = await changesets(root);
    expect(changeset.text.split("---")[1].trim().split("\n")).toEqual([
      '"@atlas-export/types": major',
      '"@atlas-export/cli": major',
      '"@atlas-export/client": major',
    ]);
  });

  it("gives a docs-only change a patch of @atlas-export/types alone", async () => {
    const { root, from } = await setUp((d) => (job(d).properties.exportBucketId.description = "Reworded."));
    await addPackage(root, "client", {
      name: "@atlas-export/client",
      dependencies: { "@atlas-export/types": "workspace:^" },
    });
    await syncSpec({ from, root, write: true, generate: () => {} });
    const [changeset] = await changesets(root);
    expect(changeset.text.split("---")[1].trim()).toBe('"@atlas-export/types": patch');
  });

  it("writes nothing when there is nothing to do", async () => {
    const { root, from } = await setUp(() => {});
    const before = await snapshot(root);
    let generated = 0;
    const result = await syncSpec({ from, root, write: true, generate: () => void generated++ });
    expect(result.exitCode).toBe(0);
    expect(await snapshot(root)).toEqual(before);
    expect(generated).toBe(0);
  });

  it("restores spec/ and writes no changeset when generate fails (exit 3)", async () => {
    const { root, from } = await setUp((d) => (job(d).properties.extra = { type: "string" }));
    const before = await snapshot(root);
    const errors = [];
    const code = await main(["--from", from, "--write"], {
      root,
      generate: () => {
        throw new Error("openapi-typescript exploded");
      },
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    expect(code).toBe(3);
    expect(errors.join("\n")).toContain("openapi-typescript exploded\nspec/openapi.yaml was restored");
    expect(await snapshot(root)).toEqual(before);
  });

  it("leaves no temporary files behind", async () => {
    const { root, from } = await setUp((d) => (job(d).properties.extra = { type: "string" }));
    await syncSpec({ from, root, write: true, generate: () => {} });
    const files = Object.keys(await snapshot(root));
    expect(files.filter((name) => name.includes(".tmp"))).toEqual([]);
    expect(files.filter((name) => name.startsWith("spec/"))).toEqual(["spec/openapi.yaml"]);
  });
});
