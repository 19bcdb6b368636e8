import type { CliCommand } from "./cli-command.js";
import { jobsDescribe } from "./commands/jobs-describe.js";
import { jobsWatch } from "./commands/jobs-watch.js";

/** Every `atlas-export` command, in the order the root help lists them. */
export const COMMAND_TABLE: readonly CliCommand[] = [jobsDescribe, jobsWatch];
