export declare const validatorsUrl: URL;
export declare function renderValidators(): Promise<string>;
