// The fragment lists several operations (x-atlas-export-upstream.operations): each is found by path and
// method, differences are attributed to the operations they reach, shared components are compared once,
// discriminated unions are followed into their variants, and upstream's other methods on the same paths
// are reported as available.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { main } from "../cli.mjs";
import { syncSpec } from "../sync.mjs";
import { mediaType, operationPath, smallUpstream, writeSpec } from "./support/small-spec.mjs";
import { snapshot, tempRepo } from "./support/temp-repo.mjs";

const listPath = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports";
const bucketsPath = "/api/atlas/v2/groups/{groupId}/backup/exportBuckets";
const bucketType = "application/vnd.atlas.2024-05-30+json";

/** smallUpstream() plus a paginated list of jobs, a POST beside it, and a bucket union by cloudProvider. */
function upstreamOfThree() {
  const d = smallUpstream();
  const groupId = { $ref: "#/components/parameters/groupId" };
  const clusterName = d.paths[operationPath].get.parameters[1];
  d.paths[listPath] = {
    get: {
      operationId: "listGroupClusterBackupExports",
      parameters: [groupId, clusterName],
      responses: {
        200: {
          description: "OK",
          content: { [mediaType]: { schema: { $ref: "#/components/schemas/PaginatedJobs" } } },
        },
        404: { $ref: "#/components/responses/notFound" },
      },
    },
    post: { operationId: "createGroupClusterBackupExport", responses: { 200: { description: "OK" } } },
  };
  d.paths[bucketsPath] = {
    get: {
      operationId: "getGroupBackupExportBucket",
      parameters: [groupId],
      responses: {
        200: {
          description: "OK",
          content: { [bucketType]: { schema: { $ref: "#/components/schemas/Bucket" } } },
        },
      },
    },
  };
  d.components.schemas.PaginatedJobs = {
    type: "object",
    properties: {
      results: { type: "array", items: { $ref: "#/components/schemas/DiskBackupExportJob" } },
      totalCount: { type: "integer" },
    },
  };
  d.components.schemas.Bucket = {
    type: "object",
    required: ["cloudProvider"],
    properties: { cloudProvider: { type: "string", enum: ["AWS", "GCP"] } },
    discriminator: {
      propertyName: "cloudProvider",
      mapping: { AWS: "#/components/schemas/AwsBucket", GCP: "#/components/schemas/GcpBucket" },
    },
  };
  for (const [name, field] of [
    ["AwsBucket", "iamRoleId"],
    ["GcpBucket", "roleId"],
  ])
    d.components.schemas[name] = {
      allOf: [
        { $ref: "#/components/schemas/Bucket" },
        { type: "object", properties: { [field]: { type: "string" } } },
      ],
    };
  return d;
}

const listed = [
  ["getBackupExportJob", "get", operationPath],
  ["listBackupExportJobs", "get", listPath],
  ["getExportBucket", "get", bucketsPath],
];

/** The fragment that matches upstreamOfThree() but for its operationIds (recorded as deviations). */
function fragmentOfThree(upstream = upstreamOfThree()) {
  const paths = {};
  const operations = [];
  const deviations = [];
  for (const [operationId, method, path] of listed) {
    const operation = upstream.paths[path][method];
    operations.push({ operationId, upstreamOperationId: operation.operationId, method, path });
    deviations.push({ location: `operations.${operationId}.operationId`, kind: "changed", why: "names" });
    paths[path] = { [method]: { ...operation, operationId } };
  }
  const { unused, ...parameters } = upstream.components.parameters;
  const { Unrelated, ...schemas } = upstream.components.schemas;
  return stringify({
    openapi: "3.0.3",
    info: { title: "fragment", version: "2.0" },
    "x-atlas-export-upstream": { operations },
    "x-atlas-export-deviations": deviations,
    security: upstream.security,
    paths,
    components: { ...upstream.components, parameters, schemas },
  });
}

async function syncAfter(edit, { fragment } = {}) {
  const root = await tempRepo({ fragment: fragment ?? fragmentOfThree() });
  const upstream = upstreamOfThree();
  edit(upstream);
  return { root, result: await syncSpec({ from: await writeSpec(root, upstream), root }) };
}

const changeOf = (result, location) => result.summary.changes.find((change) => change.location === location);

describe("several operations", () => {
  it("are each found by path and method and in step when only the recorded renames differ", async () => {
    const { result } = await syncAfter(() => {});
    expect(result.exitCode).toBe(0);
    for (const [operationId] of listed) expect(result.report).toContain(`  ${operationId}: `);
    expect(result.report).toContain(
      `listBackupExportJobs: GET ${listPath} (upstream operationId: listGroupClusterBackupExports) — in step`,
    );
  });

  it("attribute a change in a shared component to every operation that reaches it, compared once", async () => {
    const { result } = await syncAfter(
      (d) => delete d.components.schemas.DiskBackupExportJob.properties.createdAt,
    );
    const change = changeOf(result, "schemas.DiskBackupExportJob.properties.createdAt");
    expect(change.operations).toEqual(["getBackupExportJob", "listBackupExportJobs"]);
    expect(result.summary.changes).toHaveLength(1);
    expect(result.summary.byOperation).toEqual([
      { operationId: "getBackupExportJob", counts: { breaking: 1, "non-breaking": 0, "docs-only": 0 } },
      { operationId: "listBackupExportJobs", counts: { breaking: 1, "non-breaking": 0, "docs-only": 0 } },
      { operationId: "getExportBucket", counts: { breaking: 0, "non-breaking": 0, "docs-only": 0 } },
    ]);
    expect(result.report).toContain(
      `getExportBucket: GET ${bucketsPath} (upstream operationId: getGroupBackupExportBucket) — in step`,
    );
    expect(result.report).toContain("[getBackupExportJob, listBackupExportJobs]");
  });

  it("attribute a change in an operation's own node to that operation alone", async () => {
    const { result } = await syncAfter(
      (d) => (d.paths[listPath].get.summary = "Return All Snapshot Export Jobs"),
    );
    expect(changeOf(result, "operations.listBackupExportJobs.summary")).toMatchObject({
      classification: "docs-only",
      operations: ["listBackupExportJobs"],
    });
  });

  it("compare a parameter both sides take from one component once, at the component", async () => {
    const { result } = await syncAfter((d) => (d.components.parameters.groupId.schema.maxLength = 24));
    expect(changeOf(result, "parameters.groupId.schema.maxLength")).toMatchObject({
      classification: "breaking",
      operations: ["getBackupExportJob", "listBackupExportJobs", "getExportBucket"],
    });
    expect(result.summary.changes).toHaveLength(1);
  });

  it("follow a discriminator mapping into its variants", async () => {
    const { result } = await syncAfter(
      (d) => (d.components.schemas.GcpBucket.allOf[1].properties.region = { type: "string" }),
    );
    expect(changeOf(result, "schemas.GcpBucket.allOf.1.properties.region")).toMatchObject({
      classification: "non-breaking",
      operations: ["getExportBucket"],
    });
  });

  it("classify a new variant of a response union as breaking and take it, with its component, on --write", async () => {
    const { root, result } = await syncAfter((d) => {
      d.components.schemas.Bucket.discriminator.mapping.AZURE = "#/components/schemas/AzureBucket";
      d.components.schemas.AzureBucket = { allOf: [{ $ref: "#/components/schemas/Bucket" }] };
    });
    expect(changeOf(result, "schemas.Bucket.discriminator.mapping.AZURE")).toMatchObject({
      classification: "breaking",
      reason: "new variant in a response union",
    });
    const upstream = upstreamOfThree();
    upstream.components.schemas.Bucket.discriminator.mapping.AZURE = "#/components/schemas/AzureBucket";
    upstream.components.schemas.AzureBucket = { allOf: [{ $ref: "#/components/schemas/Bucket" }] };
    const from = await writeSpec(root, upstream);
    await syncSpec({ from, root, write: true, generate: () => {} });
    expect((await syncSpec({ from, root })).exitCode).toBe(0);
  });

  it("report upstream's other methods on the listed paths as available, not as differences", async () => {
    const { result } = await syncAfter(() => {});
    expect(result.summary.changes).toEqual([]);
    expect(result.report).toContain("Available upstream on the same paths, not taken");
    expect(result.report).toContain(`  POST ${listPath} (createGroupClusterBackupExport)`);
    expect(result.report).not.toContain("/other");
  });

  it("write one changeset that names every operation a change reaches", async () => {
    const { root } = await syncAfter(() => {});
    const upstream = upstreamOfThree();
    delete upstream.components.schemas.DiskBackupExportJob.properties.createdAt;
    upstream.paths[bucketsPath].get.summary = "One bucket";
    await syncSpec({ from: await writeSpec(root, upstream), root, write: true, generate: () => {} });
    const files = Object.entries(await snapshot(root)).filter(([name]) => name.startsWith(".changeset/"));
    expect(files).toHaveLength(1);
    expect(files[0][1]).toContain(
      "Sync getBackupExportJob, listBackupExportJobs, getExportBucket with the upstream",
    );
    expect(files[0][1]).toContain("— getBackupExportJob, listBackupExportJobs");
  });
});

describe("a fragment whose operations list is wrong", () => {
  const cases = [
    [
      "an operation in paths that the list lacks",
      {
        fragment: () =>
          fragmentOfThree().replace(/  - operationId: getExportBucket\n(    .*\n)+?(?=\S|  - )/, ""),
        message: /operation getExportBucket is not listed in x-atlas-export-upstream\.operations/,
      },
    ],
    [
      "a listed operation the paths do not have under that method",
      {
        fragment: () =>
          fragmentOfThree().replace(
            "      method: get\n      path: /api/atlas/v2/groups/{groupId}/backup/exportBuckets",
            "      method: post\n      path: /api/atlas/v2/groups/{groupId}/backup/exportBuckets",
          ),
        message:
          /lists getExportBucket as POST \/api\/atlas\/v2\/groups\/\{groupId\}\/backup\/exportBuckets, but the fragment's paths have no such operation/,
      },
    ],
    [
      "a success response that is not a versioned Atlas media type",
      {
        fragment: () => fragmentOfThree().replaceAll(bucketType, "application/json"),
        message:
          /wrong media type "application\/json" at operations\.getExportBucket\.responses\.200\.content: requests and success responses use a versioned Atlas type/,
      },
    ],
    [
      "an error response that is not application/json",
      {
        fragment: () =>
          fragmentOfThree().replace("application/json:", "application/vnd.atlas.2023-01-01+json:"),
        message:
          /wrong media type "application\/vnd\.atlas\.2023-01-01\+json" at operations\.getBackupExportJob\.responses\.404\.content: error responses are application\/json/,
      },
    ],
    [
      "a friendly name that is not a TypeScript identifier",
      {
        fragment: () =>
          fragmentOfThree().replace(
            "    Bucket:\n",
            "    Bucket:\n      x-atlas-export-alias: export-bucket\n",
          ),
        message:
          /x-atlas-export-alias of schemas\.Bucket is "export-bucket"; it must be a PascalCase TypeScript identifier/,
      },
    ],
    [
      "a friendly name two schemas claim",
      {
        fragment: () =>
          fragmentOfThree()
            .replace("    AwsBucket:\n", "    AwsBucket:\n      x-atlas-export-alias: ExportBucket\n")
            .replace("    GcpBucket:\n", "    GcpBucket:\n      x-atlas-export-alias: ExportBucket\n"),
        message: /x-atlas-export-alias ExportBucket names both schemas\.AwsBucket and schemas\.GcpBucket/,
      },
    ],
  ];
  it.each(cases)(
    "(%s) exits 2 naming the operation and leaves spec/ untouched",
    async (_name, { fragment, message }) => {
      const text = fragment();
      expect(text).not.toBe(fragmentOfThree());
      const root = await tempRepo({ fragment: text });
      const before = await snapshot(root);
      const errors = [];
      const code = await main(["--from", await writeSpec(root, upstreamOfThree()), "--write"], {
        root,
        generate: () => {
          throw new Error("generate ran");
        },
        stdout: () => {},
        stderr: (line) => errors.push(line),
      });
      expect(errors.join("\n")).toMatch(message);
      expect(code).toBe(2);
      expect(await snapshot(root)).toEqual(before);
    },
  );

  it("a missing upstream operation exits 2 naming it", async () => {
    const { root } = await syncAfter(() => {});
    const upstream = upstreamOfThree();
    delete upstream.paths[listPath].get;
    const errors = [];
    const code = await main(["--from", await writeSpec(root, upstream)], {
      root,
      stdout: () => {},
      stderr: (line) => errors.push(line),
    });
    expect(errors.join("\n")).toContain(
      `has no GET ${listPath} (operation listBackupExportJobs): the path has post`,
    );
    expect(code).toBe(2);
  });
});
