import { describe, expect, it } from "vitest";
import { formatSnapshot } from "../src/format-snapshot.js";

describe("formatSnapshot", () => {
  it("prints the fields Atlas sent as aligned rows and leaves out the ones it did not send", () => {
    const text = formatSnapshot({
      id: "32b6e34b3d91647abb20e7b8",
      status: "completed",
      storageSizeBytes: 1024,
    });
    expect(text).toBe("Snapshot  32b6e34b3d91647abb20e7b8\nStatus    completed\nSize      1024 bytes\n");
  });

  it("keeps terminal control sequences in server text away from the terminal", () => {
    const text = formatSnapshot({ id: "x", description: "nightly\u001b[2J\u0007 run" });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain("nightly");
  });
});
