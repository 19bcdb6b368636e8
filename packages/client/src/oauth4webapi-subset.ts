// The parts of oauth4webapi this package uses, as one module so that the dynamic import in load-oauth.ts
// brings in only these (a bundler keeps every export of a module that is imported dynamically).
export {
  allowInsecureRequests,
  clientCredentialsGrantRequest,
  customFetch,
  processClientCredentialsResponse,
  processRevocationResponse,
  ResponseBodyError,
  revocationRequest,
  WWWAuthenticateChallengeError,
} from "oauth4webapi";
