import { describe, expect, it } from "vitest";
import { PUBLISHED_PACKAGES, tarballName } from "../pack-packages.mjs";
import { consumerManifest } from "../create-consumer.mjs";

describe("packing and the consumer", () => {
  it("names a scoped tarball as pnpm pack does", () => {
    expect(tarballName("@atlas-export/mock-server", "1.2.3")).toBe("atlas-export-mock-server-1.2.3.tgz");
  });

  it("packs types first, since the others depend on it", () => {
    expect(PUBLISHED_PACKAGES[0]).toBe("@atlas-export/types");
  });

  it("makes the consumer an ESM project depending on each tarball by path", () => {
    const manifest = consumerManifest([
      { name: "@atlas-export/client", tarball: "/t/atlas-export-client-1.0.0.tgz" },
    ]);
    expect(manifest).toMatchObject({
      type: "module",
      private: true,
      dependencies: { "@atlas-export/client": "file:/t/atlas-export-client-1.0.0.tgz" },
    });
  });
});
