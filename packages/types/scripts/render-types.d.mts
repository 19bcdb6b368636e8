export declare const specUrl: URL;
export declare const generatedUrl: URL;
export declare function renderTypes(): Promise<string>;
