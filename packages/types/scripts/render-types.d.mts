export declare const specUrl: URL;
export declare function renderTypes(url?: URL): Promise<string>;
