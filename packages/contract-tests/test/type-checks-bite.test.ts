import { describe, expect, it } from "vitest";
import { checkDocumentedExamples } from "../src/check-documented-examples.js";
import { collectExamples } from "../src/collect-examples.js";
import type { DocumentedExample } from "../src/documented-example.js";
import { exampleLabel } from "../src/example-label.js";
import { loadSpec } from "../src/load-spec.js";
import { mutate } from "../src/mutate.js";
import { objectSchemaOf } from "../src/object-schema-of.js";
import { isJsonObject } from "../src/openapi-document.js";

// TS2322/TS2820 not assignable (2820 adds "did you mean"), TS2353/TS2561 unknown property in an object
// literal (2561 adds "did you mean"), TS2741 missing property.
const notAssignable = [2322, 2820];
const excessProperty = [2353, 2561];
const missingProperty = 2741;

interface Mutation {
  appliesTo: (example: DocumentedExample) => boolean;
  change: (copy: Record<string, any>) => void;
  /** The compiler error codes that count as "rejected"; null where types cannot see it (a regex). */
  compiler: readonly number[] | null;
}

// The hand-picked job mutations reach into exportStatus and components: examples of a job that has both.
const isJob = (example: DocumentedExample) =>
  example.schemaPointer === "#/components/schemas/DiskBackupExportJob" &&
  isJsonObject(example.value) &&
  isJsonObject(example.value["exportStatus"]) &&
  Array.isArray(example.value["components"]);
const isError = (example: DocumentedExample) => example.schemaPointer === "#/components/schemas/ApiError";

const mutations: [string, Mutation][] = [
  [
    "a misspelt state",
    { appliesTo: isJob, change: (job) => (job.state = "Succesful"), compiler: notAssignable },
  ],
  [
    "a state in the wrong case",
    { appliesTo: isJob, change: (job) => (job.state = "cancelled"), compiler: notAssignable },
  ],
  [
    "an unknown top-level field",
    { appliesTo: isJob, change: (job) => (job.percentDone = 100), compiler: excessProperty },
  ],
  [
    "a misspelt optional field",
    {
      appliesTo: isJob,
      change: (job) => {
        job.stateReasons = {};
      },
      compiler: excessProperty,
    },
  ],
  [
    "an unknown field inside exportStatus",
    { appliesTo: isJob, change: (job) => (job.exportStatus.percent = 1), compiler: excessProperty },
  ],
  [
    "an unknown field inside a components item",
    { appliesTo: isJob, change: (job) => (job.components[0].shard = "a"), compiler: excessProperty },
  ],
  [
    "a count as a string",
    {
      appliesTo: isJob,
      change: (job) => (job.exportStatus.totalCollections = "42"),
      compiler: notAssignable,
    },
  ],
  ["an id as a number", { appliesTo: isJob, change: (job) => (job.id = 42), compiler: notAssignable }],
  [
    "customData as an object",
    { appliesTo: isJob, change: (job) => (job.customData = { key: "k" }), compiler: excessProperty },
  ],
  [
    "a missing exportBucketId",
    { appliesTo: isJob, change: (job) => delete job.exportBucketId, compiler: [missingProperty] },
  ],
  [
    "an id that breaks its 24-hex pattern",
    { appliesTo: isJob, change: (job) => (job.id = "not-an-id"), compiler: null },
  ],
  [
    "a missing errorCode",
    { appliesTo: isError, change: (error) => delete error.errorCode, compiler: [missingProperty] },
  ],
  [
    "a missing error",
    { appliesTo: isError, change: (error) => delete error.error, compiler: [missingProperty] },
  ],
  [
    "error as a string",
    { appliesTo: isError, change: (error) => (error.error = "404"), compiler: notAssignable },
  ],
  [
    "an unknown field on an error",
    { appliesTo: isError, change: (error) => (error.message = "x"), compiler: excessProperty },
  ],
  [
    "errorCode as null",
    { appliesTo: isError, change: (error) => (error.errorCode = null), compiler: notAssignable },
  ],
];

// Mutations derived from each example's own schema, so every operation's examples (buckets, snapshots,
// pages, request bodies) are mutated without a table per operation.
const document = await loadSpec();
const shape = (example: DocumentedExample) => objectSchemaOf(document, example.schemaPointer, example.value);
const isObjectExample = (example: DocumentedExample) => isJsonObject(example.value);
const firstRequired = (example: DocumentedExample) =>
  shape(example).required.find((name) => isJsonObject(example.value) && name in example.value);
const firstEnum = (example: DocumentedExample) =>
  Object.entries(shape(example).properties).find(
    ([name, property]) =>
      Array.isArray(property["enum"]) && isJsonObject(example.value) && name in example.value,
  )?.[0];
const firstScalar = (example: DocumentedExample) =>
  Object.entries(isJsonObject(example.value) ? example.value : {}).find(
    ([, value]) => typeof value === "string" || typeof value === "number" || typeof value === "boolean",
  )?.[0];

const firstArray = (example: DocumentedExample) =>
  Object.entries(isJsonObject(example.value) ? example.value : {}).find(([, value]) =>
    Array.isArray(value),
  )?.[0];
// TS2740: an object where an array is expected lacks the array's members.
const notAnArray = [2740, ...notAssignable];

const derivedMutations: [string, (example: DocumentedExample) => Mutation | undefined][] = [
  [
    "an unknown top-level field",
    (example) =>
      isObjectExample(example)
        ? {
            appliesTo: () => true,
            change: (value) => (value.notInTheSpec = 1),
            compiler: [...excessProperty, ...notAssignable],
          }
        : undefined,
  ],
  [
    "its first required field removed",
    (example) => {
      const name = firstRequired(example);
      return name === undefined
        ? undefined
        : {
            appliesTo: () => true,
            change: (value) => delete value[name],
            compiler: [missingProperty, ...notAssignable],
          };
    },
  ],
  [
    "an enum field outside its values",
    (example) => {
      const name = firstEnum(example);
      return name === undefined
        ? undefined
        : {
            appliesTo: () => true,
            change: (value) => (value[name] = "NotOneOfTheValues"),
            compiler: notAssignable,
          };
    },
  ],
  [
    "a scalar field of the wrong type",
    (example) => {
      const name = firstScalar(example);
      return name === undefined
        ? undefined
        : {
            appliesTo: () => true,
            change: (value) => (value[name] = typeof value[name] === "string" ? 42 : "42"),
            compiler: notAssignable,
          };
    },
  ],
  [
    "an array field as an object",
    (example) => {
      const name = firstArray(example);
      return name === undefined
        ? undefined
        : { appliesTo: () => true, change: (value) => (value[name] = {}), compiler: notAnArray };
    },
  ],
];

// Every mutation of every documented example it applies to, compiled in one program.
const cases = collectExamples(document).flatMap((example) =>
  [
    ...mutations.filter(([, mutation]) => mutation.appliesTo(example)),
    ...derivedMutations.flatMap(([name, derive]): [string, Mutation][] => {
      const mutation = derive(example);
      return mutation ? [[name, mutation]] : [];
    }),
  ].map(([name, mutation]) => ({
    name: `${exampleLabel(example)} with ${name}`,
    mutation,
    example: {
      ...example,
      id: `${example.id}-${name.replace(/[^A-Za-z0-9]+/g, "_")}`,
      value: mutate(example.value, mutation.change),
    },
  })),
);
const checks = await checkDocumentedExamples(
  document,
  "mutations",
  cases.map(({ example }) => example),
);

describe("mutated copies of the documented examples", () => {
  it("cover every documented example with at least three mutations", () => {
    for (const example of collectExamples(document)) {
      const count = cases.filter((c) => c.example.id.startsWith(`${example.id}-`)).length;
      expect(count, `${exampleLabel(example)} has ${count} mutations`).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases.map((c, i) => [c.name, c, checks[i]] as const))(
    "%s is rejected",
    (_name, { mutation }, check) => {
      if (!check) throw new Error("no check for this case");
      const codes = check.typeErrors.map((d) => d.code);
      if (mutation.compiler === null) {
        // Types cannot express a regex: the schema has to catch this one.
        expect(codes).toEqual([]);
      } else {
        expect(codes.length, "the compiler accepted a mutated example").toBeGreaterThan(0);
        expect(mutation.compiler).toEqual(expect.arrayContaining([codes[0]]));
      }
      expect(check.closedSchemaErrors.length, "the schema accepted a mutated example").toBeGreaterThan(0);
    },
  );
});
