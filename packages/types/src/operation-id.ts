import type { operationTable } from "./generated/operation-table.js";

/** The operationId of any operation of the spec, e.g. `"getBackupExportJob"`. */
export type OperationId = keyof typeof operationTable;
