import { request as httpRequest, type Agent } from "node:http";

/**
 * One GET with node:http and nothing around it (the body concatenated and parsed as JSON): the floor under
 * the client's default transport. Without `agent`, Node's global agent (keep-alive since Node 19), as the
 * client uses.
 */
export function bareNodeHttpGet(
  url: string,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers, ...(agent && { agent }) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}
