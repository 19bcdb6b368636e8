import type { OperationInfo } from "./read-operations.mjs";
export declare function renderValidators(
  spec: unknown,
  operations: OperationInfo[],
): { file: string; code: string }[];
export declare function renderPathParameterSchemas(spec: unknown, operations: OperationInfo[]): string;
