import {
  AtlasApiError,
  AtlasAuthError,
  AtlasValidationError,
  createAtlasClient,
  serviceAccountAuth,
} from "@atlas-export/client";
import type { GetBackupExportJobParams } from "@atlas-export/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checked } from "../src/check-report.js";
import { collectExamples } from "../src/collect-examples.js";
import type { DocumentedExample } from "../src/documented-example.js";
import { exampleLabel } from "../src/example-label.js";
import { loadSpec } from "../src/load-spec.js";
import { specPath } from "../src/spec-path.js";
import { startPrism, type RunningPrism } from "../src/start-prism.js";
import { startTokenServer, type TokenServer } from "../src/start-token-server.js";
import { prismRecordingFetch } from "../src/prism-recording-fetch.js";
import { readOperations } from "../src/read-spec-operations.js";
import { fillPath, samplePathParameters } from "../src/sample-path-parameters.js";
import { arbitraryFromSchema } from "../src/arbitrary-from-schema.js";
import fc from "fast-check";

const document = await loadSpec(specPath());
const allExamples = collectExamples(document);
// getBackupExportJob's documented examples through the client (every method of the client meets Prism in
// client-operations-vs-prism.test.ts); every operation also meets Prism below directly.
const examples = allExamples.filter(
  (example) => example.operationId === "getBackupExportJob" && example.kind === "response",
);
const operations = readOperations(document);
const ids: GetBackupExportJobParams = {
  groupId: "32b6e34b3d91647abb20e7b8",
  clusterName: "Cluster0",
  exportId: "32b6e34b3d91647abb20e7b8",
};
const account = { clientId: "mdb_sa_id_contract_tests", clientSecret: "mdb_sa_sk_contract_tests_secret" };

let prism: RunningPrism;
let tokens: TokenServer;
beforeAll(async () => {
  [prism, tokens] = await Promise.all([
    startPrism(specPath()),
    startTokenServer(account.clientId, account.clientSecret),
  ]);
});
afterAll(async () => {
  await Promise.allSettled([prism?.close(), tokens?.close()]);
});

/**
 * A client pointed at Prism, authenticated with a real service-account flow against the local token
 * server, with retries off (Prism answers `Prefer: code=429/500` every time); `exchanges` records every
 * request that reaches Prism.
 */
function clientFor(prefer?: DocumentedExample, { authenticated = true } = {}) {
  const { fetch, exchanges } = prismRecordingFetch(prism.url, prefer);
  const client = createAtlasClient({
    baseUrl: prism.url,
    ...(authenticated
      ? { auth: serviceAccountAuth({ ...account, tokenUrl: tokens.tokenUrl, revokeUrl: tokens.revokeUrl }) }
      : {}),
    retry: { maxRetries: 0 },
    fetch,
  });
  return { client, exchanges };
}

describe("the client against Prism mocking the spec", () => {
  describe.each(examples.map((example) => [exampleLabel(example), example] as const))(
    "%s",
    (label, example) => {
      const record = {
        example: label,
        type: example.typeExpression,
        schema: example.schemaPointer,
        check: "prism+client",
      };
      it("comes back from Prism for a valid call and through the client as the typed result", () =>
        checked(record, async () => {
          const { client, exchanges } = clientFor(example);
          const outcome = await client.getBackupExportJob(ids).then(
            (job) => ({ job }),
            (error: unknown) => ({ error }),
          );
          await client.close();

          // A 401 makes serviceAccountAuth drop its token and try once more with a fresh one.
          const attempts = example.status === "401" ? 2 : 1;
          expect(exchanges.map(({ status, violations }) => ({ status, violations }))).toEqual(
            Array.from({ length: attempts }, () => ({ status: Number(example.status), violations: null })),
          );
          if (example.status.startsWith("2")) {
            expect(outcome).toEqual({ job: example.value });
          } else {
            const body = example.value as { error: number; errorCode: string; detail?: string };
            // The client reports a rejected credential as AtlasAuthError (status and errorCode included).
            const ErrorClass = example.status === "401" ? AtlasAuthError : AtlasApiError;
            expect("error" in outcome && outcome.error).toBeInstanceOf(ErrorClass);
            expect("error" in outcome && outcome.error).toMatchObject({
              status: Number(example.status),
              errorCode: body.errorCode,
              ...(ErrorClass === AtlasApiError ? { detail: body.detail } : {}),
            });
          }
        }));
    },
  );

  it("exposes the rate-limit headers of a 429 on the AtlasApiError", async () => {
    const tooMany = examples.find((example) => example.status === "429");
    if (!tooMany) throw new Error("the spec documents no 429 example");
    const { client } = clientFor(tooMany);
    const error = await client.getBackupExportJob(ids).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AtlasApiError);
    expect(Object.keys((error as AtlasApiError).headers)).toEqual(
      expect.arrayContaining(["retry-after", "ratelimit-limit", "ratelimit-remaining"]),
    );
  });

  it.each<[string, GetBackupExportJobParams]>([
    ["a one-character cluster name", { ...ids, clusterName: "c" }],
    ["a 64-character cluster name", { ...ids, clusterName: `C${"a-1".repeat(21)}` }],
    ["a cluster name with hyphens and digits", { ...ids, clusterName: "prod-eu-2" }],
    [
      "ids of every hex digit",
      { ...ids, groupId: "0123456789abcdef01234567", exportId: "89abcdef0123456789abcdef" },
    ],
  ])("sends a call with %s that Prism's request validation accepts", async (_name, params) => {
    const { client, exchanges } = clientFor();
    await expect(client.getBackupExportJob(params)).resolves.toMatchObject({
      exportBucketId: expect.any(String),
    });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ status: 200, violations: null });
    expect(exchanges[0]?.url.pathname.split("/").slice(5).map(decodeURIComponent)).toEqual([
      params.groupId,
      "clusters",
      params.clusterName,
      "backup",
      "exports",
      params.exportId,
    ]);
  });

  it("sends envelope and pretty through atlas.api in a form Prism accepts", async () => {
    const { client, exchanges } = clientFor();
    const { response } = await client.api.GET(
      "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
      { params: { path: ids, query: { envelope: true, pretty: true } } },
    );
    expect(response.status).toBe(200);
    expect(exchanges).toEqual([expect.objectContaining({ status: 200, violations: null })]);
    expect(exchanges[0]?.url.search).toBe("?envelope=true&pretty=true");
  });

  it("is answered 401 by Prism without credentials (Prism checks the security schemes)", async () => {
    const { client, exchanges } = clientFor(undefined, { authenticated: false });
    await expect(client.getBackupExportJob(ids)).rejects.toMatchObject({
      name: "AtlasAuthError",
      status: 401,
    });
    expect(exchanges).toEqual([expect.objectContaining({ status: 401 })]);
  });

  describe("invalid calls", () => {
    it.each<[string, Partial<GetBackupExportJobParams>, string]>([
      ["an upper-case groupId", { groupId: "32B6E34B3D91647ABB20E7B8" }, "groupId"],
      ["a 23-digit groupId", { groupId: "32b6e34b3d91647abb20e7b" }, "groupId"],
      ["a non-hex exportId", { exportId: "32b6e34b3d91647abb20e7bz" }, "exportId"],
      ["an empty cluster name", { clusterName: "" }, "clusterName"],
      ["a 65-character cluster name", { clusterName: "c".repeat(65) }, "clusterName"],
      ["a cluster name starting with a hyphen", { clusterName: "-prod" }, "clusterName"],
      ["a cluster name with a space", { clusterName: "my cluster" }, "clusterName"],
    ])(
      "with %s are refused by the client before sending, and by Prism when sent anyway",
      async (_name, change, parameter) => {
        const params = { ...ids, ...change };
        const { client, exchanges } = clientFor();
        const tokensBefore = tokens.counts.minted;
        const error = await client.getBackupExportJob(params).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AtlasValidationError);
        expect(error).toMatchObject({ parameter });
        expect(exchanges).toEqual([]);
        expect(tokens.counts.minted).toBe(tokensBefore);

        // The same values sent without the client: Prism's request validation refuses them too, so the
        // client's checks are the spec's, not stricter or looser.
        const path = `/api/atlas/v2/groups/${encodeURIComponent(params.groupId)}/clusters/${encodeURIComponent(params.clusterName)}/backup/exports/${encodeURIComponent(params.exportId)}`;
        const direct = await fetch(`${prism.url}${path}`, {
          headers: { Authorization: "Bearer direct", Accept: "application/vnd.atlas.2023-01-01+json" },
        });
        await direct.arrayBuffer();
        expect(direct.status).toBe(422);
      },
    );
  });
});

describe("Prism serving every operation of the fragment", () => {
  /** A direct request for `operationId`, as a client would send it, with Prism's `Prefer` when given. */
  async function send(
    operationId: string,
    { prefer, body }: { prefer?: DocumentedExample; body?: unknown } = {},
  ) {
    const operation = operations.find((candidate) => candidate.operationId === operationId);
    if (!operation) throw new Error(`the spec has no operation ${operationId}`);
    // The operation's first request example, else a body drawn from its schema with a fixed seed.
    const requestBody =
      body ??
      allExamples.find((example) => example.operationId === operationId && example.kind === "request")
        ?.value ??
      (operation.requestBody
        ? fc.sample(arbitraryFromSchema(document, operation.requestBody.schema), {
            numRuns: 1,
            seed: 20261206,
          })[0]
        : undefined);
    const headers: Record<string, string> = {
      Authorization: "Bearer contract-tests",
      Accept: `${operation.success.mediaType}, application/json;q=0.9`,
    };
    if (prefer) headers["Prefer"] = `code=${prefer.status}, example=${prefer.name}`;
    if (operation.requestBody) headers["Content-Type"] = operation.requestBody.mediaType;
    const response = await fetch(
      `${prism.url}${fillPath(operation.path, samplePathParameters(document, operationId))}`,
      {
        method: operation.method.toUpperCase(),
        headers,
        ...(operation.requestBody ? { body: JSON.stringify(requestBody) } : {}),
      },
    );
    const text = await response.text();
    return { operation, response, text };
  }

  const responseExamples = allExamples.filter((example) => example.kind === "response");
  it.each(responseExamples.map((example) => [exampleLabel(example), example] as const))(
    "serves %s for a valid request, unchanged",
    (label, example) =>
      checked(
        { example: label, type: example.typeExpression, schema: example.schemaPointer, check: "prism" },
        async () => {
          const { response, text } = await send(example.operationId, { prefer: example });
          expect({ status: response.status, violations: response.headers.get("sl-violations") }).toEqual({
            status: Number(example.status),
            violations: null,
          });
          expect(JSON.parse(text)).toEqual(example.value);
        },
      ),
  );

  // Every operation, examples or not (upstream's lists have none): Prism routes the request, finds nothing
  // wrong with it (path parameters drawn from the spec, the body from its example or schema) and answers
  // with the operation's status. Its generated bodies are not asserted: for a field with a pattern and no
  // example Prism writes "string"; bodies from the schema are checked in precompiled-validators.test.ts.
  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    "routes %s and accepts a valid request",
    async (operationId, operation) => {
      const { response, text } = await send(operationId);
      const violations = JSON.parse(response.headers.get("sl-violations") ?? "[]") as {
        location: string[];
      }[];
      expect(
        violations.filter((violation) => violation.location[0] === "request"),
        text,
      ).toEqual([]);
      expect([operation.success.status, 500]).toContain(response.status);
      if (response.status === 500) expect(violations.length, text).toBeGreaterThan(0);
    },
  );

  const requestExamples = allExamples.filter((example) => example.kind === "request");
  it.each(requestExamples.map((example) => [exampleLabel(example), example] as const))(
    "accepts the request example %s as a valid body",
    (label, example) =>
      checked(
        { example: label, type: example.typeExpression, schema: example.schemaPointer, check: "prism" },
        async () => {
          const { operation, response, text } = await send(example.operationId, { body: example.value });
          expect({
            status: response.status,
            violations: response.headers.get("sl-violations"),
            text,
          }).toMatchObject({
            status: operation.success.status,
            violations: null,
          });
        },
      ),
  );

  it.each(
    operations
      .filter((operation) => operation.requestBody)
      .map((operation) => [operation.operationId] as const),
  )("refuses %s with a body its schema forbids (Prism validates request bodies)", async (operationId) => {
    const { response, text } = await send(operationId, { body: [] });
    // 422, or the operation's documented 400 when it has one; the violation is named either way.
    expect([400, 422], text).toContain(response.status);
    expect(response.headers.get("sl-violations")).toContain('"body"');
  });
});

describe("the client's method for every operation against Prism", () => {
  type Method = (...args: unknown[]) => Promise<unknown>;

  /** Calls `atlas[operationId]` as a user would: `(pathParams, body?)`, awaiting a list's first page. */
  async function callMethod(client: object, operationId: string, body?: unknown) {
    const operation = operations.find((candidate) => candidate.operationId === operationId)!;
    const method = (client as Record<string, Method | undefined>)[operationId];
    if (typeof method !== "function") throw new Error(`the client has no method ${operationId}`);
    const params = samplePathParameters(document, operationId);
    const requestBody =
      body ??
      allExamples.find((example) => example.operationId === operationId && example.kind === "request")
        ?.value ??
      (operation.requestBody
        ? fc.sample(arbitraryFromSchema(document, operation.requestBody.schema), {
            numRuns: 1,
            seed: 20261206,
          })[0]
        : undefined);
    const args = operation.requestBody ? [params, requestBody] : [params];
    return method.apply(client, args).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  }

  it.each(operations.map((operation) => [operation.operationId] as const))(
    "names a method %s after the operation",
    (operationId) => {
      const { client } = clientFor();
      expect(typeof (client as unknown as Record<string, unknown>)[operationId]).toBe("function");
    },
  );

  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    "sends %s as the spec says (method, path, media types) and Prism finds nothing wrong with the request",
    async (operationId, operation) => {
      const { client, exchanges } = clientFor();
      const outcome = await callMethod(client, operationId);
      await client.close();
      expect(exchanges).toHaveLength(1);
      const [exchange] = exchanges;
      const violations = JSON.parse(exchange!.violations ?? "[]") as { location: string[] }[];
      expect(violations.filter((violation) => violation.location[0] === "request")).toEqual([]);
      expect(exchange!.method).toBe(operation.method.toUpperCase());
      expect(exchange!.url.pathname).toBe(
        fillPath(operation.path, samplePathParameters(document, operationId)),
      );
      expect(exchange!.accept).toContain(operation.success.mediaType);
      if (operation.requestBody) expect(exchange!.contentType).toBe(operation.requestBody.mediaType);
      if (exchange!.status === operation.success.status) expect(outcome).not.toHaveProperty("error");
    },
  );

  const clientExamples = allExamples.filter(
    (example) => example.kind === "response" && example.operationId !== "getBackupExportJob",
  );
  it.each(clientExamples.map((example) => [exampleLabel(example), example] as const))(
    "returns %s as the typed result or the right error",
    (label, example) =>
      checked(
        {
          example: label,
          type: example.typeExpression,
          schema: example.schemaPointer,
          check: "prism+client",
        },
        async () => {
          const { client, exchanges } = clientFor(example);
          const outcome = await callMethod(client, example.operationId);
          await client.close();
          const attempts = example.status === "401" ? 2 : 1;
          expect(exchanges.map(({ status, violations }) => ({ status, violations }))).toEqual(
            Array.from({ length: attempts }, () => ({ status: Number(example.status), violations: null })),
          );
          if (example.status.startsWith("2")) {
            expect(outcome).not.toHaveProperty("error");
            const { result } = outcome as { result: unknown };
            const value = example.value as { results?: unknown[]; totalCount?: number };
            if (Array.isArray(value.results)) {
              // A list method resolves to its first page: Atlas's envelope plus the way to the next one.
              expect(result).toMatchObject({ results: value.results, totalCount: value.totalCount });
            } else {
              expect(result).toEqual(example.value);
            }
          } else {
            const body = example.value as { errorCode: string };
            const ErrorClass = example.status === "401" ? AtlasAuthError : AtlasApiError;
            expect(outcome).toHaveProperty("error");
            const { error } = outcome as { error: unknown };
            expect(error).toBeInstanceOf(ErrorClass);
            expect(error).toMatchObject({ status: Number(example.status), errorCode: body.errorCode });
          }
        },
      ),
  );
});
