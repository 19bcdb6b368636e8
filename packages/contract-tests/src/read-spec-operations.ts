// The structural checks `pnpm generate` runs on the spec (packages/types/scripts/read-operations.mjs):
// every listed operation present, every $ref resolving, one versioned media type per operation, errors as
// application/json. Reused rather than rewritten, so the contract tests refuse a bad spec with the same
// message, naming the operation and the node, as the generator.
export { readOperations, SpecError, type OperationInfo } from "../../types/scripts/read-operations.mjs";
