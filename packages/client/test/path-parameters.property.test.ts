import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AtlasValidationError, createAtlasClient } from "../src/index.js";
import { ids, job, jsonResponse } from "./support/fixtures.js";

const prefix = "/api/atlas/v2/groups/";

/** Sends one call with `params` and returns the request URL, or the validation error. */
async function attempt(params: typeof ids | Record<string, string>) {
  let url: URL | undefined;
  const atlas = createAtlasClient({
    fetch: async (request) => {
      url = new URL(request.url);
      return jsonResponse(200, job());
    },
  });
  try {
    await atlas.getBackupExportJob(params as typeof ids);
    return { url: url! };
  } catch (error) {
    return { error, sent: url !== undefined };
  }
}

// Strings rich in the characters that could move a path: separators, dots, percent signs, query marks.
const hostile = fc.string({
  unit: fc.constantFrom("/", "\\", ".", "%", "2", "e", "f", "?", "#", "&", "=", " ", "a", "0", "-", "\u00e9"),
  maxLength: 70,
});

describe("path parameters (property)", () => {
  it("either rejects a value before sending, or sends it as exactly one path segment that decodes back to it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("groupId", "clusterName", "exportId"),
        hostile,
        async (name, value) => {
          const result = await attempt({ ...ids, [name]: value });
          if ("error" in result) {
            expect(result.error).toBeInstanceOf(AtlasValidationError);
            expect(result.sent).toBe(false);
            return;
          }
          const { url } = result;
          expect(url.search).toBe("");
          expect(url.hash).toBe("");
          expect(url.pathname.startsWith(prefix)).toBe(true);
          const segments = url.pathname.split("/");
          expect(segments).toHaveLength(11);
          const position = { groupId: 5, clusterName: 7, exportId: 10 }[name];
          expect(decodeURIComponent(segments[position]!)).toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("accepts every cluster name the spec allows", async () => {
    const clusterName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$/);
    await fc.assert(
      fc.asyncProperty(clusterName, async (name) => {
        const result = await attempt({ ...ids, clusterName: name });
        expect("url" in result && result.url.pathname.split("/")[7]).toBe(name);
      }),
      { numRuns: 100 },
    );
  });
});
