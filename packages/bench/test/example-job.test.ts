import { ATLAS_MEDIA_TYPE } from "@atlas-export/client";
import { describe, expect, it } from "vitest";
import { exampleMediaType } from "../src/example-job.js";

describe("exampleMediaType", () => {
  it("is the media type the client sends, so bare contenders ask for the same answer", () => {
    expect(exampleMediaType).toBe(ATLAS_MEDIA_TYPE);
  });
});
