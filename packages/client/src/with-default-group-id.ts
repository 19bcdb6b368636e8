import { AtlasValidationError } from "./atlas-validation-error.js";

/** `groupId` as a client without a default project takes it: required in every call. */
export interface GroupIdRequired {
  groupId: string;
}

/** `groupId` as a client with a default project (`projectId`, `MONGODB_ATLAS_PROJECT_ID`) takes it: optional. */
export interface GroupIdOptional {
  groupId?: string;
}

/**
 * A named method's path parameters: `P` itself, or `P` with `groupId` optional. Chosen by an object type
 * rather than a flag, so that TypeScript relates clients by their parameters: a client that may omit
 * `groupId` can be passed wherever one that always takes it is expected.
 */
export type AtlasPathParams<
  P extends { groupId: string },
  GroupId extends GroupIdOptional,
> = GroupId extends GroupIdRequired ? P : Omit<P, "groupId"> & GroupIdOptional;

/**
 * `params` with the client's default project as `groupId` when the call names none. Throws an
 * `AtlasValidationError` before any request when there is neither.
 */
export function withDefaultGroupId<P extends object>(
  method: string,
  params: P,
  defaultGroupId: string | undefined,
): P & { groupId: string } {
  // A non-object is left to the call's own argument checks, which name what was passed.
  if (typeof params !== "object" || params === null) return params as P & { groupId: string };
  const { groupId } = params as { groupId?: unknown };
  if (groupId !== undefined) return params as P & { groupId: string };
  if (defaultGroupId === undefined) {
    throw new AtlasValidationError(
      `@atlas-export/client: ${method}({ groupId }) is missing: pass the project id as groupId, or create the client with the projectId option (createAtlasClient.fromEnv() reads MONGODB_ATLAS_PROJECT_ID)`,
      "groupId",
      "required",
    );
  }
  return { ...params, groupId: defaultGroupId };
}
