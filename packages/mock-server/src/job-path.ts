/** The operation's path; segments are captured raw and decoded after matching. */
export const JOB_PATH = /^\/api\/atlas\/v2\/groups\/([^/]*)\/clusters\/([^/]*)\/backup\/exports\/([^/]*)$/;
