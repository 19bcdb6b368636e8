import { readFileSync } from "node:fs";
import { UsageError } from "./usage-error.js";

const HINT =
  "Give the path of a PEM file with the CA certificate(s) to trust, e.g. the one your TLS-inspecting proxy uses (NODE_EXTRA_CA_CERTS works too).";

/** Reads `--ca-file`: the PEM text of the certificates, handed to the client's `ca` option. */
export function parseCaFile(path: string, source: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    // Node names the system error in `code`; Deno's permission error only in `name` (NotCapable).
    const { code, name } = error as { code?: unknown; name?: unknown };
    throw new UsageError(
      `${source}: could not read ${JSON.stringify(path)} (${String(code ?? name ?? "error")}).`,
      {
        hint: HINT,
      },
    );
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----"))
    throw new UsageError(
      `${source}: ${JSON.stringify(path)} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      {
        hint: HINT,
      },
    );
  return text;
}
