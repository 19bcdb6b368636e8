export declare const specUrl: URL;
export declare const generatedDirUrl: URL;
export declare function loadSpec(url?: URL): Promise<unknown>;
/** Every file of src/generated/ (names relative to it) as `pnpm generate` writes them. */
export declare function renderGenerated(url?: URL): Promise<{ file: string; code: string }[]>;
