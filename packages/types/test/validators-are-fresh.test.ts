import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderValidators, validatorsUrl } from "../scripts/render-validators.mjs";

describe("src/generated/validators.ts", () => {
  it("matches a fresh ajv standalone compilation of spec/openapi.yaml (run `pnpm generate` if not)", async () => {
    const committed = await readFile(validatorsUrl, "utf8");
    const fresh: string = await renderValidators();
    expect(
      committed === fresh,
      "src/generated/validators.ts is stale or was edited by hand: run `pnpm generate` and commit the result",
    ).toBe(true);
  });

  it("imports nothing, so ajv is not a runtime dependency of anyone", async () => {
    const committed = await readFile(validatorsUrl, "utf8");
    expect(committed).not.toMatch(/\brequire\(|^import /m);
  });
});
