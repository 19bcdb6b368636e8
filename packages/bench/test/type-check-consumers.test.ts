import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openapiFetchConsumer } from "../src/openapi-fetch-consumer.js";
import { typeCheckTime } from "../src/type-check-time.js";
import { typesOnlyConsumer } from "../src/types-only-consumer.js";
import { writeConsumerProject } from "../src/write-consumer-project.js";

// Each case runs the real tsc once (about a second, more on a busy machine); no timing is asserted.
const tscTimeout = 60_000;

describe("type-check consumers", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "atlas-export-bench-test-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it(
    "compiles the types-only consumer against @atlas-export/types with no errors and no instantiations",
    async () => {
      await writeConsumerProject(join(tmp, "types-only"), typesOnlyConsumer("@atlas-export/types"));
      await writeConsumerProject(join(tmp, "empty"));
      const { consumer, empty } = await typeCheckTime(
        { consumer: join(tmp, "types-only"), empty: join(tmp, "empty") },
        1,
      );
      // More types than the empty program: the import was resolved and checked, not silently `any`.
      expect(consumer.types).toBeGreaterThan(empty.types);
      expect(consumer.instantiations).toBe(0);
    },
    tscTimeout,
  );

  it(
    "compiles the openapi-fetch consumer against @atlas-export/types with no errors",
    async () => {
      await writeConsumerProject(join(tmp, "openapi-fetch"), openapiFetchConsumer("@atlas-export/types"));
      const { consumer } = await typeCheckTime({ consumer: join(tmp, "openapi-fetch") }, 1);
      expect(consumer.instantiations).toBeGreaterThan(0);
    },
    tscTimeout,
  );

  it(
    "refuses to time a consumer that does not type-check, quoting tsc's error",
    async () => {
      await writeConsumerProject(join(tmp, "broken"), 'export const count: number = "three";\n');
      await expect(typeCheckTime({ broken: join(tmp, "broken") }, 1)).rejects.toThrow(
        /broken does not type-check \(tsc exited \d\): consumer\.ts.*error TS2322/,
      );
    },
    tscTimeout,
  );
});
