import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fixturesDir } from "./package-paths.js";

/** One line of the table the suite prints at the end: what was checked, against what, by which test. */
export interface CheckRecord {
  example: string;
  type: string;
  schema: string;
  check: string;
  passed: boolean;
}

const reportDir = join(fixturesDir, "report");

/** Clears the records of an earlier run (called once, from the global setup). */
export async function resetCheckReport(): Promise<void> {
  await rm(reportDir, { recursive: true, force: true });
  await mkdir(reportDir, { recursive: true });
}

/**
 * Records the outcome of a check. Test files run in separate workers, so each record is its own file
 * (no shared file to interleave writes into).
 */
export async function recordCheck(record: CheckRecord): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  const name = `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}.json`;
  await writeFile(join(reportDir, name), JSON.stringify(record));
}

export async function readCheckReport(): Promise<CheckRecord[]> {
  const names = await readdir(reportDir).catch(() => []);
  const records = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(reportDir, name), "utf8")) as CheckRecord),
  );
  return records;
}

/** Runs a check's assertions and records whether they passed (rethrowing the failure for vitest). */
export async function checked(
  record: Omit<CheckRecord, "passed">,
  assertions: () => unknown | Promise<unknown>,
): Promise<void> {
  try {
    await assertions();
  } catch (error) {
    await recordCheck({ ...record, passed: false });
    throw error;
  }
  await recordCheck({ ...record, passed: true });
}
