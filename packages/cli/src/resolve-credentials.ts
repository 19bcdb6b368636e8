import { ATLAS_ENV } from "./atlas-env.js";
import { EXIT_CODES } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/** Credentials given as flags; each is absent unless typed on the command line. */
export interface CredentialFlags {
  clientId?: string;
  clientSecret?: string;
  publicKey?: string;
  privateKey?: string;
}

export type Credentials =
  | { kind: "serviceAccount"; clientId: string; clientSecret: string; source: "flags" | "environment" }
  | { kind: "apiKey"; publicKey: string; privateKey: string; source: "flags" | "environment" };

export interface ResolvedCredentials {
  credentials: Credentials;
  /** One line per secret typed on the command line: other users can read it in the process list. */
  warnings: string[];
}

const NO_CREDENTIALS_HINT =
  `Set ${ATLAS_ENV.clientId} and ${ATLAS_ENV.clientSecret} (a service account) or ` +
  `${ATLAS_ENV.publicKey} and ${ATLAS_ENV.privateKey} (a programmatic API key), ` +
  "then run the command again. Create either in Atlas under Organization Access Manager > Applications.";

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function authError(message: string, hint: string = NO_CREDENTIALS_HINT): UsageError {
  return new UsageError(message, { hint, exitCode: EXIT_CODES.authentication });
}

/** Pairs two halves of one credential, or says which half is missing (naming where to set it). */
function pair(
  first: { value: string | undefined; name: string },
  second: { value: string | undefined; name: string },
): [string, string] | undefined {
  if (first.value !== undefined && second.value !== undefined) return [first.value, second.value];
  if (first.value === undefined && second.value === undefined) return undefined;
  const [given, missing] = first.value === undefined ? [second, first] : [first, second];
  throw authError(`${given.name} is set but ${missing.name} is not; they are used together.`);
}

/**
 * Picks the credentials: command-line flags first, then the environment. Within one source a
 * service account wins over an API key, as in the client's `fromEnv()`. Secrets never appear in
 * a message.
 */
export function resolveCredentials(
  flags: CredentialFlags,
  env: Readonly<Record<string, string | undefined>>,
): ResolvedCredentials {
  const flagServiceAccount = pair(
    { value: nonEmpty(flags.clientId), name: "--client-id" },
    { value: nonEmpty(flags.clientSecret), name: "--client-secret" },
  );
  const flagApiKey = pair(
    { value: nonEmpty(flags.publicKey), name: "--public-key" },
    { value: nonEmpty(flags.privateKey), name: "--private-key" },
  );
  if (flagServiceAccount && flagApiKey)
    throw new UsageError("give either --client-id/--client-secret or --public-key/--private-key, not both.");

  const warnings: string[] = [];
  if (flagServiceAccount) {
    warnings.push(
      `warning: --client-secret on the command line is visible to other users in the process list; prefer ${ATLAS_ENV.clientSecret}.`,
    );
    const [clientId, clientSecret] = flagServiceAccount;
    return { credentials: { kind: "serviceAccount", clientId, clientSecret, source: "flags" }, warnings };
  }
  if (flagApiKey) {
    warnings.push(
      `warning: --private-key on the command line is visible to other users in the process list; prefer ${ATLAS_ENV.privateKey}.`,
    );
    const [publicKey, privateKey] = flagApiKey;
    return { credentials: { kind: "apiKey", publicKey, privateKey, source: "flags" }, warnings };
  }

  const envServiceAccount = pair(
    { value: nonEmpty(env[ATLAS_ENV.clientId]), name: ATLAS_ENV.clientId },
    { value: nonEmpty(env[ATLAS_ENV.clientSecret]), name: ATLAS_ENV.clientSecret },
  );
  if (envServiceAccount) {
    const [clientId, clientSecret] = envServiceAccount;
    return {
      credentials: { kind: "serviceAccount", clientId, clientSecret, source: "environment" },
      warnings,
    };
  }
  const envApiKey = pair(
    { value: nonEmpty(env[ATLAS_ENV.publicKey]), name: ATLAS_ENV.publicKey },
    { value: nonEmpty(env[ATLAS_ENV.privateKey]), name: ATLAS_ENV.privateKey },
  );
  if (envApiKey) {
    const [publicKey, privateKey] = envApiKey;
    return { credentials: { kind: "apiKey", publicKey, privateKey, source: "environment" }, warnings };
  }
  throw authError("no Atlas credentials found.");
}
