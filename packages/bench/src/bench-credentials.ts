/** Fixture credentials the counting server accepts by default: bench values, not secrets. */
export const benchCredentials = {
  publicKey: "bench-public-key",
  privateKey: "bench-private-key-0000-0000-000000000000",
  clientId: "mdb_sa_id_bench",
  clientSecret: "mdb_sa_sk_bench",
} as const;
