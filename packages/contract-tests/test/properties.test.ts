import { AtlasError, AtlasValidationError, createAtlasClient, type AtlasClient } from "@atlas-export/client";
import type { BackupExportJob, GetBackupExportJobParams } from "@atlas-export/types";
import { validatePathParameter, type PathParameterName } from "@atlas-export/types/validators";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { arbitraryFromSchema } from "../src/arbitrary-from-schema.js";
import { createSpecAjv } from "../src/create-spec-ajv.js";
import { loadSpec } from "../src/load-spec.js";
import { readOperations } from "../src/read-spec-operations.js";
import { fillPath } from "../src/sample-path-parameters.js";

const document = await loadSpec();
const jobSchema = { $ref: "#/components/schemas/DiskBackupExportJob" };
const validateJob = createSpecAjv(document, { closed: true }).validatorFor(jobSchema.$ref);
const validJob = arbitraryFromSchema(document, jobSchema) as fc.Arbitrary<BackupExportJob>;
const validIds: GetBackupExportJobParams = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};
const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

/** A client whose `fetch` never reaches a network: it records the request and answers with `answer()`. */
function capturingClient(answer: () => Response, validateResponses = false) {
  const requests: Request[] = [];
  const client: AtlasClient = createAtlasClient({
    validateResponses,
    retry: { maxRetries: 0 },
    fetch: async (request) => {
      requests.push(request);
      return answer();
    },
  });
  return { client, requests };
}

const jobResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": ATLAS_MEDIA_TYPE } });

// Any rejection nobody handled during a property fails the test that caused it.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

describe("path parameters", () => {
  // Strings that try to leave the path, mixed with arbitrary text (including lone surrogates) and
  // values that match the spec's patterns, so both outcomes happen.
  const hostile = fc.constantFrom(
    "",
    ".",
    "..",
    "%2e%2e",
    "../../../admin",
    "a/b",
    "a?b=c",
    "a#b",
    "a%2Fb",
    "\\..\\",
    "Cluster0/../../x",
    " Cluster0",
    "Cluster0\n",
  );
  const anyString = fc.oneof(fc.string(), fc.string({ unit: "binary" }), hostile);
  const param = (pattern: RegExp) => fc.oneof(anyString, fc.stringMatching(pattern));
  const params = fc.record({
    groupId: param(/^[a-f0-9]{24}$/),
    clusterName: param(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$/),
    exportId: param(/^[a-f0-9]{24}$/),
  });

  it("never yield a request outside the operation's path: refused before sending, or each segment exactly the input", async () => {
    let sent = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(params, async (given) => {
        const { client, requests } = capturingClient(() =>
          jobResponse({ exportBucketId: validIds.exportId }),
        );
        const outcome = await client.getBackupExportJob(given).then(
          () => undefined,
          (error: unknown) => error,
        );
        if (outcome !== undefined) {
          expect(outcome).toBeInstanceOf(AtlasValidationError);
          expect(requests).toEqual([]);
          refused++;
          return;
        }
        sent++;
        expect(requests).toHaveLength(1);
        const url = new URL(requests[0]!.url);
        expect(url.origin).toBe("https://cloud.mongodb.com");
        expect(url.search).toBe("");
        expect(url.hash).toBe("");
        const segments = url.pathname.split("/");
        expect(segments.slice(0, 5)).toEqual(["", "api", "atlas", "v2", "groups"]);
        expect(segments.slice(6, 7)).toEqual(["clusters"]);
        expect(segments.slice(8, 10)).toEqual(["backup", "exports"]);
        expect(segments).toHaveLength(11);
        expect([segments[5], segments[7], segments[10]].map((s) => decodeURIComponent(s!))).toEqual([
          given.groupId,
          given.clusterName,
          given.exportId,
        ]);
      }),
      { numRuns: 300 },
    );
    // Both branches ran, so the property was not vacuous.
    expect(sent).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

describe("job bodies", () => {
  it("derived from the schema are valid against it (the arbitrary follows the spec)", () => {
    fc.assert(
      fc.property(validJob, (job) => {
        expect(validateJob(job) ? [] : validateJob.errors).toEqual([]);
      }),
    );
  });

  it("that are valid round-trip through the client unchanged, with validateResponses on", async () => {
    await fc.assert(
      fc.asyncProperty(validJob, async (job) => {
        const { client } = capturingClient(() => jobResponse(job), true);
        await expect(client.getBackupExportJob(validIds)).resolves.toEqual(job);
      }),
    );
  });

  // One schema violation per body. The client's precompiled validator (packages/types
  // scripts/render-validators.mjs) deliberately checks date-time by shape and field ranges, not the days
  // of each month, so calendar-invalid dates are left out here; the spec's own ajv check
  // (schema-constraints.test.ts) rejects them.
  const breakJob = fc.oneof(
    fc.record({
      state: fc
        .string()
        .filter((s) => !["Cancelled", "Failed", "InProgress", "Queued", "Successful"].includes(s)),
    }),
    fc.record({ id: fc.string().filter((s) => !/^[a-f0-9]{24}$/.test(s)) }),
    fc.record({
      exportBucketId: fc.oneof(
        fc.string().filter((s) => !/^[a-f0-9]{24}$/.test(s)),
        fc.integer(),
      ),
    }),
    fc.record({
      exportStatus: fc.record({
        totalCollections: fc.oneof(
          fc.double({ noInteger: true }),
          fc.string(),
          fc.boolean(),
          fc.integer({ min: 2 ** 31, max: 2 ** 40 }),
          fc.integer({ min: -(2 ** 40), max: -(2 ** 31) - 1 }),
        ),
      }),
    }),
    fc.record({
      createdAt: fc.oneof(
        fc.string().filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s)),
        fc.integer(),
      ),
    }),
    fc.record({ components: fc.jsonValue().filter((v) => !Array.isArray(v)) }),
    fc.constant({ exportBucketId: undefined }),
  );

  it("that break the schema are refused with AtlasValidationError when validateResponses is on", async () => {
    await fc.assert(
      fc.asyncProperty(validJob, breakJob, async (job, breakage) => {
        const broken = JSON.parse(JSON.stringify({ ...job, ...breakage })) as unknown;
        const { client } = capturingClient(() => jobResponse(broken), true);
        await expect(client.getBackupExportJob(validIds)).rejects.toBeInstanceOf(AtlasValidationError);
      }),
    );
  });

  it("that are garbage yield a typed AtlasError (or a job that is valid), never a crash", async () => {
    const body = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.uint8Array({ maxLength: 64 }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      validJob.chain((job) => {
        const text = JSON.stringify(job);
        return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
      }),
      fc.constant("<html><body>502 Bad Gateway</body></html>"),
    );
    const status = fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 429, 500, 502, 503);
    const contentType = fc.constantFrom(ATLAS_MEDIA_TYPE, "application/json", "text/html", "text/plain", "");
    await fc.assert(
      fc.asyncProperty(body, status, contentType, fc.boolean(), async (raw, code, type, envelope) => {
        const { client } = capturingClient(
          () => new Response(raw, { status: code, headers: type ? { "Content-Type": type } : {} }),
          true,
        );
        const outcome = await client.getBackupExportJob(validIds, { envelope }).then(
          (job) => ({ job }),
          (error: unknown) => ({ error }),
        );
        if ("job" in outcome) {
          expect(validateJob(outcome.job) ? [] : validateJob.errors).toEqual([]);
        } else {
          expect(outcome.error).toBeInstanceOf(AtlasError);
          expect((outcome.error as Error).name).toMatch(/^Atlas\w+Error$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(readOperations(document).map((operation) => [operation.operationId, operation] as const))(
  "%s path parameters",
  (_operationId, operation) => {
    const names = operation.pathParameters.map((parameter) => parameter.name);
    const hostileOrValid = (name: string) =>
      fc.oneof(
        fc.string(),
        fc.constantFrom("", ".", "..", "a/b", "a?b", "a#b", "%2e%2e", "../admin"),
        arbitraryFromSchema(document, operation.pathParameters.find((p) => p.name === name)?.schema).map(
          String,
        ),
      );
    const values = fc.record(Object.fromEntries(names.map((name) => [name, hostileOrValid(name)])));

    it("that the generated validators accept never leave the operation's path", () => {
      let accepted = 0;
      fc.assert(
        fc.property(values, (given) => {
          const valid = names.every(
            (name) => validatePathParameter(name as PathParameterName, given[name]).length === 0,
          );
          if (!valid) return;
          accepted++;
          const url = new URL(
            fillPath(operation.path, given as Record<string, string>),
            "https://cloud.mongodb.com",
          );
          const template = operation.path.split("/");
          const segments = url.pathname.split("/");
          expect(url.search + url.hash).toBe("");
          expect(segments).toHaveLength(template.length);
          template.forEach((part, i) => {
            const name = /^\{(.+)\}$/.exec(part)?.[1];
            expect(name ? decodeURIComponent(segments[i]!) : segments[i]).toBe(name ? given[name] : part);
          });
        }),
        { numRuns: 200 },
      );
      expect(accepted).toBeGreaterThan(0);
    });
  },
);
