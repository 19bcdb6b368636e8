/**
 * The environment variables the CLI reads, named as the Atlas CLI and `createAtlasClient.fromEnv()` name
 * them (GUIDE §3). Help texts, hints and the credential lookup all take the names from here.
 */
export const ATLAS_ENV = {
  clientId: "MONGODB_ATLAS_CLIENT_ID",
  clientSecret: "MONGODB_ATLAS_CLIENT_SECRET",
  publicKey: "MONGODB_ATLAS_PUBLIC_API_KEY",
  privateKey: "MONGODB_ATLAS_PRIVATE_API_KEY",
  baseUrl: "MONGODB_ATLAS_BASE_URL",
  projectId: "MONGODB_ATLAS_PROJECT_ID",
} as const;
