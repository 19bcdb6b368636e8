// Kept as an entry point of its own for code written before validateResponse (the client loads it lazily).
export { validateBackupExportJob } from "./generated/schema-validators.js";
