import { readCheckReport, resetCheckReport } from "../src/check-report.js";
import { loadSpec } from "../src/load-spec.js";
import { readDeviations } from "../src/read-deviations.js";
import { renderReport } from "../src/render-report.js";

export async function setup(): Promise<void> {
  await resetCheckReport();
}

/** Prints what the run checked (from the records the tests wrote) and the deviations the spec records. */
export async function teardown(): Promise<void> {
  const records = await readCheckReport();
  const deviations = readDeviations(await loadSpec());
  console.log(`\n${renderReport(records, deviations)}\n`);
}
