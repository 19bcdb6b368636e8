// Writes a file so readers see the old content or the new one, never a half-written file: the text goes
// to a temporary file in the same directory (same filesystem), which is then renamed over the target
// (rename(2) replaces atomically on POSIX).
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Writes `text` to a temporary sibling of `file`; returns {commit, discard}. */
export async function stageFile(file, text) {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" });
  return {
    commit: () => rename(temporary, file),
    discard: () => rm(temporary, { force: true }),
  };
}

/** Writes `text` to `file` atomically. */
export async function atomicWrite(file, text) {
  const staged = await stageFile(file, text);
  try {
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
