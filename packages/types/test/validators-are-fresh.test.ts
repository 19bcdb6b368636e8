import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderValidators } from "../scripts/render-validators.mjs";

const files = await renderValidators();

describe.each(files.map((file) => [file.url.pathname.replace(/.*\/src\//, "src/"), file] as const))(
  "%s",
  (name, { url, code }) => {
    it("matches a fresh rendering of spec/openapi.yaml (run `pnpm generate` if not)", async () => {
      const committed = await readFile(url, "utf8");
      expect(
        committed === code,
        `${name} is stale or was edited by hand: run \`pnpm generate\` and commit the result`,
      ).toBe(true);
    });

    it("imports nothing, so ajv is not a runtime dependency of anyone", async () => {
      const committed = await readFile(url, "utf8");
      expect(committed).not.toMatch(/\brequire\(|^import /m);
    });
  },
);
