/** One client-credentials token from `tokenUrl` with plain fetch (what a bare-fetch program does itself). */
export async function mintToken(tokenUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: "grant_type=client_credentials",
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || typeof body.access_token !== "string") {
    throw new Error(`@atlas-export/bench: the token endpoint answered ${response.status}`);
  }
  return body.access_token;
}
