/** One call of "get this export job"; resolves true when the job came back, false when the call failed. */
export type JobCall = () => Promise<boolean>;

/** A digest-authenticating client under test; `create` makes a fresh instance (fresh nonce state). */
export interface DigestContender {
  name: string;
  /** True for peers that pay a 401 challenge round trip on every call. */
  challengePerCall: boolean;
  create(baseUrl: string): JobCall;
}
