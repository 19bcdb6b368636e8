import type { AtlasAuthError } from "./atlas-auth-error.js";
import type { AuthAnswer } from "./auth-scheme.js";
import type { AuthSchemeKit } from "./auth-scheme-kit.js";

/** Turns Atlas's final 401 into an `AtlasAuthError`, reading `errorCode`/`detail` if the body has them. */
export async function authFailure(
  response: AuthAnswer,
  explanation: string,
  kit: AuthSchemeKit,
): Promise<AtlasAuthError> {
  let errorCode: string | undefined;
  let detail: string | undefined;
  try {
    const body = JSON.parse(await response.text()) as { errorCode?: unknown; detail?: unknown };
    if (typeof body.errorCode === "string") errorCode = body.errorCode;
    if (typeof body.detail === "string") detail = body.detail;
  } catch {
    // HTML, empty or truncated bodies carry nothing more than the status
  }
  return new kit.AtlasAuthError(
    `${response.status} ${errorCode ?? "UNAUTHORIZED"}: ${explanation}${detail ? ` (${detail})` : ""}`,
    { status: response.status, errorCode },
  );
}
