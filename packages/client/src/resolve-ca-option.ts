import { AtlasValidationError } from "./atlas-validation-error.js";

/** The `ca` option: PEM certificates (a string or the bytes of a `.pem` file), or an array of them. */
export type CaOption = string | Uint8Array | readonly (string | Uint8Array)[];

const PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

/** Checks the `ca` option and returns its certificates as PEM text, or `undefined` when absent. */
export function resolveCaOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const pems = items.map((item) =>
    typeof item === "string" ? item : item instanceof Uint8Array ? new TextDecoder().decode(item) : undefined,
  );
  if (items.length > 0 && pems.every((pem) => pem?.includes(PEM_CERTIFICATE))) return pems as string[];
  throw new AtlasValidationError(
    `@atlas-export/client: createAtlasClient({ ca }) must be PEM certificate text ("${PEM_CERTIFICATE}…"), a Buffer of it, or an array of them; read a file with fs.readFileSync("ca.pem")`,
    "ca",
    "PEM certificate(s)",
  );
}
