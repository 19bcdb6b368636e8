export declare const jobValidatorUrl: URL;
export declare const pathParameterSchemasUrl: URL;
export declare function renderValidators(): Promise<{ url: URL; code: string }[]>;
export declare function renderPathParameterSchemas(spec: unknown): string;
