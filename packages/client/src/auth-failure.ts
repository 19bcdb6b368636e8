import { AtlasAuthError } from "./atlas-auth-error.js";
import { shortText } from "./short-text.js";

/** Turns Atlas's final 401 into an `AtlasAuthError`, reading `errorCode`/`detail` if the body has them. */
export async function authFailure(response: Response, explanation: string): Promise<AtlasAuthError> {
  let errorCode: string | undefined;
  let detail: string | undefined;
  try {
    const body = JSON.parse(await response.text()) as { errorCode?: unknown; detail?: unknown };
    if (typeof body.errorCode === "string") errorCode = body.errorCode;
    if (typeof body.detail === "string") detail = body.detail;
  } catch {
    // HTML, empty or truncated bodies carry nothing more than the status
  }
  return new AtlasAuthError(
    `${response.status} ${shortText(errorCode ?? "UNAUTHORIZED", 100)}: ${explanation}${detail ? ` (${shortText(detail)})` : ""}`,
    { status: response.status, errorCode },
  );
}
