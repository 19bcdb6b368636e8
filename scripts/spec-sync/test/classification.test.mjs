import { describe, expect, it } from "vitest";
import { syncSpec } from "../sync.mjs";
import { mediaType, operationPath, smallFragment, smallUpstream, writeSpec } from "./support/small-spec.mjs";
import { tempRepo } from "./support/temp-repo.mjs";

const operation = (doc) => doc.paths[operationPath].get;
const job = (doc) => doc.components.schemas.DiskBackupExportJob;

/** Syncs the small fragment against smallUpstream() after `edit`; returns the result. */
async function syncAfter(edit, { deviations, json } = {}) {
  const root = await tempRepo({ fragment: smallFragment(deviations) });
  const upstream = smallUpstream();
  edit(upstream);
  return syncSpec({ from: await writeSpec(root, upstream, { json }), root });
}

const rules = [
  [
    "a response field removed is breaking",
    {
      edit: (d) => delete job(d).properties.createdAt,
      location: "schemas.DiskBackupExportJob.properties.createdAt",
      want: "breaking",
    },
  ],
  [
    "a response field retyped is breaking",
    {
      edit: (d) => (job(d).properties.createdAt.type = "integer"),
      location: "schemas.DiskBackupExportJob.properties.createdAt.type",
      want: "breaking",
    },
  ],
  [
    "a new enum value in a response is breaking",
    {
      edit: (d) => job(d).properties.state.enum.push("Expired"),
      location: "schemas.DiskBackupExportJob.properties.state.enum.Expired",
      want: "breaking",
    },
  ],
  [
    "a response field no longer required is breaking",
    {
      edit: (d) => (job(d).required = []),
      location: "schemas.DiskBackupExportJob.required.exportBucketId",
      want: "breaking",
    },
  ],
  [
    "a request constraint tightened is breaking",
    {
      edit: (d) => (operation(d).parameters[1].schema.maxLength = 64),
      location: "operations.getGroupClusterBackupExport.parameters.path.clusterName.schema.maxLength",
      want: "breaking",
    },
  ],
  [
    "a required request parameter added is breaking",
    {
      edit: (d) =>
        operation(d).parameters.push({
          name: "region",
          in: "query",
          required: true,
          schema: { type: "string" },
        }),
      location: "operations.getGroupClusterBackupExport.parameters.query.region",
      want: "breaking",
    },
  ],
  [
    "a media type changed is breaking",
    {
      edit: (d) => {
        const r = operation(d).responses[200];
        r.content = { "application/vnd.atlas.2025-01-01+json": r.content[mediaType] };
      },
      location: `operations.getGroupClusterBackupExport.responses.200.content.${mediaType}`,
      want: "breaking",
    },
  ],
  [
    "an auth scheme removed is breaking",
    {
      edit: (d) => (d.security = [{ DigestAuth: [] }]),
      location: "operations.getGroupClusterBackupExport.security.ServiceAccounts",
      want: "breaking",
    },
  ],
  [
    "a changed token URL is breaking",
    {
      edit: (d) =>
        (d.components.securitySchemes.ServiceAccounts.flows.clientCredentials.tokenUrl =
          "https://example.com/token"),
      location: "securitySchemes.ServiceAccounts.flows.clientCredentials.tokenUrl",
      want: "breaking",
    },
  ],
  [
    "a renamed operationId is breaking",
    {
      edit: (d) => (operation(d).operationId = "getBackupExport"),
      location: "operations.getGroupClusterBackupExport.operationId",
      want: "breaking",
    },
  ],
  [
    "an optional response field added is non-breaking",
    {
      edit: (d) => (job(d).properties.stateReason = { type: "object" }),
      location: "schemas.DiskBackupExportJob.properties.stateReason",
      want: "non-breaking",
    },
  ],
  [
    "a response code added is non-breaking",
    {
      edit: (d) => (operation(d).responses[429] = { $ref: "#/components/responses/notFound" }),
      location: "operations.getGroupClusterBackupExport.responses.429",
      want: "non-breaking",
    },
  ],
  [
    "a response header added is non-breaking",
    {
      edit: (d) =>
        (operation(d).responses[200].headers = { "RateLimit-Limit": { schema: { type: "integer" } } }),
      location: "operations.getGroupClusterBackupExport.responses.200.headers.RateLimit-Limit",
      want: "non-breaking",
    },
  ],
  [
    "a request constraint loosened is non-breaking",
    {
      edit: (d) => delete operation(d).parameters[2].schema.pattern,
      location: "operations.getGroupClusterBackupExport.parameters.path.exportId.schema.pattern",
      want: "non-breaking",
    },
  ],
  [
    "an optional request parameter added is non-breaking",
    {
      edit: (d) => operation(d).parameters.push({ name: "pretty", in: "query", schema: { type: "boolean" } }),
      location: "operations.getGroupClusterBackupExport.parameters.query.pretty",
      want: "non-breaking",
    },
  ],
  [
    "an auth scheme added is non-breaking",
    {
      edit: (d) =>
        d.security.push({ ApiKey: [] }) &&
        (d.components.securitySchemes.ApiKey = { type: "apiKey", in: "header", name: "X-Key" }),
      location: "operations.getGroupClusterBackupExport.security.ApiKey",
      want: "non-breaking",
    },
  ],
  [
    "a changed description is docs-only",
    {
      edit: (d) => (job(d).properties.exportBucketId.description = "The bucket."),
      location: "schemas.DiskBackupExportJob.properties.exportBucketId.description",
      want: "docs-only",
    },
  ],
  [
    "a changed example is docs-only",
    {
      edit: (d) =>
        (d.components.responses.notFound.content["application/json"].example.errorCode = "NOT_FOUND"),
      location: "responses.notFound.content.application/json.example",
      want: "docs-only",
    },
  ],
  [
    "a changed summary is docs-only",
    {
      edit: (d) => (operation(d).summary = "Return one export"),
      location: "operations.getGroupClusterBackupExport.summary",
      want: "docs-only",
    },
  ],
];

describe("classification for users of the generated client", () => {
  it.each(rules)("%s", async (_name, { edit, location, want }) => {
    const result = await syncAfter(edit);
    expect(result.exitCode).toBe(1);
    expect(result.summary.changes.map((change) => [change.location, change.classification])).toContainEqual([
      location,
      want,
    ]);
    expect(result.report).toContain(location);
  });

  it("names the release bump after the worst change", async () => {
    const result = await syncAfter((d) => {
      job(d).properties.stateReason = { type: "object" };
      job(d).properties.exportBucketId.description = "The bucket.";
    });
    expect(result.summary.counts).toEqual({ breaking: 0, "non-breaking": 1, "docs-only": 1 });
    expect(result.summary.bump).toBe("minor");
    expect(result.report).toContain(
      "2 changes to take from upstream: 0 breaking, 1 non-breaking, 1 docs-only -> minor release",
    );
  });

  it("exits 0 when the fragment and upstream agree", async () => {
    const result = await syncAfter(() => {});
    expect(result.exitCode).toBe(0);
    expect(result.summary.changes).toEqual([]);
    expect(result.report).toContain("Nothing to do");
  });

  it("ignores x-xgen extensions, components nothing references and other operations", async () => {
    const result = await syncAfter((d) => {
      operation(d)["x-xgen-docs-url"] = "https://mongodb.com/docs";
      d.components.schemas.Unrelated.properties = { a: { type: "string" } };
      d.paths["/api/atlas/v2/groups/{groupId}/other"].get.summary = "changed";
    });
    expect(result.exitCode).toBe(0);
  });

  it("reads a JSON upstream the same way as YAML", async () => {
    const result = await syncAfter((d) => delete job(d).properties.createdAt, { json: true });
    expect(result.summary.changes.map((change) => change.location)).toEqual([
      "schemas.DiskBackupExportJob.properties.createdAt",
    ]);
  });

  it("finds the operation by path and method even when upstream renamed its operationId", async () => {
    const result = await syncAfter((d) => (operation(d).operationId = "somethingElse"), {
      deviations: [
        { location: "operations.getGroupClusterBackupExport.operationId", kind: "changed", why: "kept" },
      ],
    });
    expect(result.exitCode).toBe(0);
  });
});

describe("deliberate deviations", () => {
  it("are shown apart and not counted, for the recorded location and everything below it", async () => {
    const result = await syncAfter((d) => delete job(d).properties.state, {
      deviations: [
        { location: "schemas.DiskBackupExportJob.properties.state", kind: "added", why: "documented" },
      ],
    });
    expect(result.exitCode).toBe(0);
    expect(result.summary.deliberate.map((entry) => entry.location)).toEqual([
      "schemas.DiskBackupExportJob.properties.state",
    ]);
    expect(result.report).toContain(
      "= schemas.DiskBackupExportJob.properties.state (removed upstream, breaking if taken)",
    );
  });

  it("cover only their own subtree, not a sibling that starts with the same name", async () => {
    const result = await syncAfter((d) => (job(d).properties.state.description = "x"), {
      deviations: [
        { location: "schemas.DiskBackupExportJob.properties.stat", kind: "added", why: "prefix only" },
      ],
    });
    expect(result.summary.changes.map((change) => change.location)).toEqual([
      "schemas.DiskBackupExportJob.properties.state.description",
    ]);
  });

  it("recorded as `descriptions` cover reworded descriptions but no other change", async () => {
    const result = await syncAfter(
      (d) => {
        job(d).properties.exportBucketId.description = "Reworded.";
        job(d).properties.state.description = "New description where there was none.";
        delete job(d).properties.createdAt;
      },
      { deviations: [{ location: "descriptions", kind: "changed", why: "page wording" }] },
    );
    expect(result.summary.deliberate.map((entry) => entry.location)).toEqual([
      "schemas.DiskBackupExportJob.properties.exportBucketId.description",
    ]);
    expect(result.summary.changes.map((change) => change.location).sort()).toEqual([
      "schemas.DiskBackupExportJob.properties.createdAt",
      "schemas.DiskBackupExportJob.properties.state.description",
    ]);
  });

  it("that no longer differ from upstream are listed as such", async () => {
    const result = await syncAfter(() => {}, {
      deviations: [
        {
          location: "operations.getGroupClusterBackupExport.parameters.query.pretty",
          kind: "added",
          why: "gone",
        },
      ],
    });
    expect(result.exitCode).toBe(0);
    expect(result.summary.stale.map((deviation) => deviation.location)).toEqual([
      "operations.getGroupClusterBackupExport.parameters.query.pretty",
    ]);
    expect(result.report).toContain("? operations.getGroupClusterBackupExport.parameters.query.pretty");
  });
});
