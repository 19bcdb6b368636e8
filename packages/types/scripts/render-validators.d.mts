export declare const jobValidatorUrl: URL;
export declare const pathParameterValidatorsUrl: URL;
export declare function renderValidators(): Promise<{ url: URL; code: string }[]>;
