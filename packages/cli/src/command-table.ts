import type { CliCommand } from "./cli-command.js";
import { bucketsCreate } from "./commands/buckets-create.js";
import { bucketsDelete } from "./commands/buckets-delete.js";
import { bucketsDescribe } from "./commands/buckets-describe.js";
import { bucketsList } from "./commands/buckets-list.js";
import { jobsCreate } from "./commands/jobs-create.js";
import { jobsDescribe } from "./commands/jobs-describe.js";
import { jobsList } from "./commands/jobs-list.js";
import { jobsWatch } from "./commands/jobs-watch.js";
import { snapshotsDescribe } from "./commands/snapshots-describe.js";
import { snapshotsList } from "./commands/snapshots-list.js";

/** Every `atlas-export` command, in the order the root help lists them: the workflow's order. */
export const COMMAND_TABLE: readonly CliCommand[] = [
  bucketsList,
  bucketsDescribe,
  bucketsCreate,
  bucketsDelete,
  snapshotsList,
  snapshotsDescribe,
  jobsList,
  jobsDescribe,
  jobsCreate,
  jobsWatch,
];
