import type { ApiKeyCredential, ServiceAccountCredential } from "./mock-atlas-options.js";

/**
 * The programmatic API key the emulator accepts when it is given no credentials. Public on purpose
 * (documented in the README): it only ever unlocks a local emulator.
 */
export const DEMO_API_KEY: Readonly<ApiKeyCredential> = Object.freeze({
  publicKey: "mockpubk",
  privateKey: "6f1c2a7e-0d4b-4e8a-9c3f-5b2d1e0a7c94",
});

/** The service account the emulator accepts when it is given no credentials (public, see DEMO_API_KEY). */
export const DEMO_SERVICE_ACCOUNT: Readonly<ServiceAccountCredential> = Object.freeze({
  clientId: "mdb_sa_id_6650a1b2c3d4e5f601234567",
  clientSecret: "mdb_sa_sk_mockAtlasDemoSecret0123456789abcdefghij",
});
