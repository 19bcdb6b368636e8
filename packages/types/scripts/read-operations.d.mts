export declare class SpecError extends Error {}
export interface ParameterInfo {
  name: string;
  schema: Record<string, unknown>;
  pointer: string;
}
export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  pointer: string;
  summary: string;
  pathParameters: ParameterInfo[];
  queryParameters: ParameterInfo[];
  requestBody: { mediaType: string; required: boolean; schema: unknown } | null;
  success: { status: number; mediaType: string; schema: unknown };
  paginated: boolean;
}
export declare function readOperations(spec: unknown): OperationInfo[];
export declare function typeNamePrefix(operationId: string): string;
