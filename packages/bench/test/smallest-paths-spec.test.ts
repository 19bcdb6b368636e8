import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTypesFromSpec } from "../src/generate-types-from-spec.js";
import { openapiFetchConsumer } from "../src/openapi-fetch-consumer.js";
import { smallestPathsSpec } from "../src/smallest-paths-spec.js";
import { typeCheckTime } from "../src/type-check-time.js";
import { writeConsumerProject } from "../src/write-consumer-project.js";

// openapi-typescript and tsc each run once (a few seconds on a busy machine); no timing is asserted.
const timeout = 60_000;

describe("smallestPathsSpec", () => {
  let tmp: string;
  let types: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "atlas-export-bench-smallest-paths-"));
    await writeFile(join(tmp, "spec.json"), JSON.stringify(smallestPathsSpec()));
    await generateTypesFromSpec(join(tmp, "spec.json"), join(tmp, "consumer", "smallest-paths.d.ts"), tmp);
    types = await readFile(join(tmp, "consumer", "smallest-paths.d.ts"), "utf8");
  }, timeout);
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("generates a paths type with this operation and no other path", () => {
    const pathKeys = [...types.matchAll(/^ {4}"(\/[^"]*)": \{$/gm)].map((match) => match[1]);
    expect(pathKeys).toEqual([
      "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}",
    ]);
  });

  it(
    "gives types the openapi-fetch consumer compiles against, with openapi-fetch's instantiations",
    async () => {
      await writeConsumerProject(join(tmp, "consumer"), openapiFetchConsumer("./smallest-paths.js"));
      const { consumer } = await typeCheckTime({ consumer: join(tmp, "consumer") }, 1);
      expect(consumer.instantiations).toBeGreaterThan(0);
    },
    timeout,
  );
});
