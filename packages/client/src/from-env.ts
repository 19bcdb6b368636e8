import { validatePathParameter } from "@atlas-export/types/validate-path-parameter";
import type { AtlasClientOptions } from "./atlas-client-options.js";
import type { AtlasClient } from "./create-atlas-client.js";
import { AtlasValidationError } from "./atlas-validation-error.js";
import { digestAuth } from "./digest-auth.js";
import { serviceAccountAuth } from "./service-account-auth.js";
import type { GroupIdOptional } from "./with-default-group-id.js";

/** Options of `createAtlasClient.fromEnv`: any client option overrides what the environment says. */
export interface FromEnvOptions extends AtlasClientOptions {
  /** Where to read the variables (default `process.env`). */
  env?: Record<string, string | undefined>;
}

const SERVICE_ACCOUNT = ["MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET"] as const;
const API_KEY = ["MONGODB_ATLAS_PUBLIC_API_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY"] as const;
// The Atlas CLI's variable for the default project.
const PROJECT_ID = "MONGODB_ATLAS_PROJECT_ID";

/**
 * Builds a client from `MONGODB_ATLAS_CLIENT_ID`/`_CLIENT_SECRET` (service account, preferred when set) or
 * `MONGODB_ATLAS_PUBLIC_API_KEY`/`_PRIVATE_API_KEY` (API key), `MONGODB_ATLAS_BASE_URL` and
 * `MONGODB_ATLAS_PROJECT_ID` (the `projectId` option: the `groupId` of calls that name none).
 */
export function atlasClientFromEnv(
  create: (options: AtlasClientOptions) => AtlasClient<GroupIdOptional>,
  overrides: FromEnvOptions = {},
): AtlasClient<GroupIdOptional> {
  const { env = process.env, ...options } = overrides;
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const missing = (names: readonly string[]) => names.filter((name) => value(name) === undefined);
  let auth = options.auth;
  if (!auth) {
    const saMissing = missing(SERVICE_ACCOUNT);
    const keyMissing = missing(API_KEY);
    if (saMissing.length < SERVICE_ACCOUNT.length) {
      if (saMissing.length > 0)
        throw envError(`${saMissing.join(", ")} is not set (the service account needs both)`);
      auth = serviceAccountAuth({
        clientId: value(SERVICE_ACCOUNT[0])!,
        clientSecret: value(SERVICE_ACCOUNT[1])!,
      });
    } else if (keyMissing.length < API_KEY.length) {
      if (keyMissing.length > 0)
        throw envError(`${keyMissing.join(", ")} is not set (the API key needs both)`);
      auth = digestAuth({ publicKey: value(API_KEY[0])!, privateKey: value(API_KEY[1])! });
    } else {
      throw envError(
        `no credentials: set ${SERVICE_ACCOUNT.join(" and ")} (service account) or ${API_KEY.join(" and ")} (API key)`,
      );
    }
  }
  const baseUrl = options.baseUrl ?? value("MONGODB_ATLAS_BASE_URL");
  const projectId = options.projectId ?? value(PROJECT_ID);
  if (
    options.projectId === undefined &&
    projectId !== undefined &&
    validatePathParameter("groupId", projectId).length > 0
  ) {
    throw envError(`${PROJECT_ID} must be a project id of 24 hexadecimal digits, as Atlas shows it`);
  }
  return create({
    ...options,
    auth,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(projectId === undefined ? {} : { projectId }),
  });
}

function envError(message: string): AtlasValidationError {
  return new AtlasValidationError(
    `@atlas-export/client: createAtlasClient.fromEnv(): ${message}`,
    "env",
    "required",
  );
}
