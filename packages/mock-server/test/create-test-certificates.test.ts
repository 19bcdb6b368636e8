import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestCertificates } from "../src/index.js";

describe("createTestCertificates without openssl on the PATH", () => {
  let saved: { PATH: string | undefined; TMPDIR: string | undefined };
  let emptyBin: string;
  let ownTmp: string;

  beforeEach(() => {
    saved = { PATH: process.env["PATH"], TMPDIR: process.env["TMPDIR"] };
    emptyBin = mkdtempSync(join(tmpdir(), "atlas-export-no-openssl-"));
    ownTmp = mkdtempSync(join(tmpdir(), "atlas-export-own-tmp-"));
    process.env["PATH"] = emptyBin;
    process.env["TMPDIR"] = ownTmp; // os.tmpdir() reads it on each call
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(emptyBin, { recursive: true, force: true });
    rmSync(ownTmp, { recursive: true, force: true });
  });

  it("throws one error that names openssl and what to install", () => {
    const error = (() => {
      try {
        createTestCertificates();
      } catch (thrown) {
        return thrown as Error;
      }
      throw new Error("expected createTestCertificates to throw");
    })();
    expect(error.message).toMatch(
      /^@atlas-export\/mock-server: createTestCertificates\(\) runs the openssl command, and none was found on the PATH\. Install OpenSSL \(Debian\/Ubuntu: apt-get install openssl;/,
    );
    expect(error.message).not.toMatch(/ENOENT|spawn/);
  });

  it("leaves no temporary folder behind", () => {
    expect(() => createTestCertificates()).toThrow(/openssl/);
    expect(readdirSync(ownTmp)).toEqual([]);
  });
});
