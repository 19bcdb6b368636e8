import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inProcessCheckTimes } from "../src/in-process-check-time.js";
import { typesOnlyConsumer } from "../src/types-only-consumer.js";
import { writeConsumerProject } from "../src/write-consumer-project.js";

// Each round builds real TypeScript programs (a second or two on a busy machine); no timing is asserted.
const checkTimeout = 60_000;

describe("inProcessCheckTimes", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "atlas-export-bench-in-process-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it(
    "returns one time per round for every project, in round order",
    async () => {
      await writeConsumerProject(join(tmp, "empty"));
      await writeConsumerProject(join(tmp, "types-only"), typesOnlyConsumer("@atlas-export/types"));
      const times = inProcessCheckTimes({ empty: join(tmp, "empty"), consumer: join(tmp, "types-only") }, 3);
      expect(Object.keys(times)).toEqual(["empty", "consumer"]);
      for (const runs of Object.values(times)) {
        expect(runs).toHaveLength(3);
        for (const ms of runs) expect(ms).toBeGreaterThan(0);
      }
    },
    checkTimeout,
  );

  it(
    "refuses a program with a type error, naming the project and the error",
    async () => {
      await writeConsumerProject(join(tmp, "broken"), 'export const count: number = "three";\n');
      expect(() => inProcessCheckTimes({ broken: join(tmp, "broken") }, 1)).toThrow(
        /broken does not type-check: .*TS2322/,
      );
    },
    checkTimeout,
  );
});
