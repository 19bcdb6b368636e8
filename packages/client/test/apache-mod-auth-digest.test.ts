import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "@atlas-export/types";
import createClient from "openapi-fetch";
import { AtlasApiError, AtlasAuthError, createAtlasClient, digestAuth } from "../src/index.js";
import { ids, job, jobPath, MEDIA_TYPE } from "./support/fixtures.js";

// Debian's apache2 (mod_auth_digest): a digest server nobody here wrote. `.ci/run` installs it.
const APACHE = ["/usr/sbin/apache2", "/usr/sbin/httpd"].find((path) => existsSync(path));
const MODULES = ["/usr/lib/apache2/modules", "/usr/lib64/httpd/modules", "/usr/lib/httpd/modules"].find(
  (dir) => existsSync(join(dir, "mod_auth_digest.so")),
);
const available = APACHE !== undefined && MODULES !== undefined;
if (!available) {
  console.warn(
    "apache-mod-auth-digest.test.ts: SKIPPED — apache2 with mod_auth_digest is not installed (apt-get install apache2)",
  );
}

const REALM = "MMS Public API";
const PUBLIC_KEY = "apachetestkey";
const PRIVATE_KEY = "8c1d6e0f-apache-private-key";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!available)("against Apache httpd mod_auth_digest", () => {
  let dir: string;
  let apache: ChildProcess | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "atlas-export-apache-"));
    // Apache drops to an unprivileged user when started as root; it must still read these files.
    await chmod(dir, 0o755);
    const docs = join(dir, "htdocs");
    const jobFile = join(docs, jobPath);
    await mkdir(join(jobFile, ".."), { recursive: true });
    await writeFile(jobFile, JSON.stringify(job()));
    const ha1 = createHash("md5").update(`${PUBLIC_KEY}:${REALM}:${PRIVATE_KEY}`).digest("hex");
    await writeFile(join(dir, "htdigest"), `${PUBLIC_KEY}:${REALM}:${ha1}\n`);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const runAsRoot = process.getuid?.() === 0 ? "User nobody\nGroup nogroup\n" : "";
    await writeFile(
      join(dir, "httpd.conf"),
      `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/httpd.pid"
ErrorLog "${dir}/error.log"
LogLevel warn auth_digest:info
${runAsRoot}LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authn_core_module ${MODULES}/mod_authn_core.so
LoadModule authn_file_module ${MODULES}/mod_authn_file.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule authz_user_module ${MODULES}/mod_authz_user.so
LoadModule auth_digest_module ${MODULES}/mod_auth_digest.so
DocumentRoot "${docs}"
<Directory "${docs}">
  AuthType Digest
  AuthName "${REALM}"
  AuthDigestProvider file
  AuthUserFile "${dir}/htdigest"
  AuthDigestDomain /
  Require valid-user
  ForceType application/vnd.atlas.2023-01-01+json
</Directory>
`,
    );
    await chmod(join(dir, "htdigest"), 0o644);
    apache = spawn(APACHE!, ["-f", join(dir, "httpd.conf"), "-DFOREGROUND"], { stdio: "ignore" });
    // Ready when it answers (401 without credentials); the loop is bounded, not timed.
    for (let attempt = 0; ; attempt++) {
      try {
        await fetch(baseUrl);
        break;
      } catch (error) {
        if (attempt > 100 || apache.exitCode !== null) {
          const log = await readFile(join(dir, "error.log"), "utf8").catch(() => "(no error.log)");
          throw new Error(`apache2 did not start: ${log}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  afterAll(async () => {
    if (apache && apache.exitCode === null) {
      const exited = new Promise((resolve) => apache!.once("exit", resolve));
      apache.kill("SIGTERM");
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  function client(privateKey = PRIVATE_KEY) {
    const sent: Request[] = [];
    const atlas = createAtlasClient({
      baseUrl,
      auth: digestAuth({ publicKey: PUBLIC_KEY, privateKey }),
      fetch: (request) => {
        sent.push(request);
        return globalThis.fetch(request);
      },
    });
    return { atlas, sent };
  }

  it("authenticates and reuses Apache's nonce: N sequential calls cost N+1 requests", async () => {
    const { atlas, sent } = client();
    for (let i = 0; i < 4; i++) await expect(atlas.getBackupExportJob(ids)).resolves.toEqual(job());
    expect(sent).toHaveLength(5);
  });

  it("shares one Apache challenge among concurrent first calls", async () => {
    const { atlas, sent } = client();
    const jobs = await Promise.all(Array.from({ length: 6 }, () => atlas.getBackupExportJob(ids)));
    expect(jobs).toHaveLength(6);
    expect(sent).toHaveLength(7);
  });

  it("ends a wrong private key in AtlasAuthError after one answered challenge", async () => {
    const { atlas, sent } = client("not-the-key");
    await expect(atlas.getBackupExportJob(ids)).rejects.toBeInstanceOf(AtlasAuthError);
    expect(sent).toHaveLength(2);
  });

  function ownClient() {
    const sent: Request[] = [];
    const client = createClient<paths>({
      baseUrl,
      headers: { Accept: MEDIA_TYPE },
      fetch: (request) => {
        sent.push(request);
        return globalThis.fetch(request);
      },
    });
    client.use(digestAuth({ publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }));
    return { client, sent };
  }

  const JOB = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/exports/{exportId}" as const;

  it("authenticates a user's own createClient<paths>() with N+1 requests for N calls", async () => {
    const { client, sent } = ownClient();
    for (let i = 0; i < 4; i++) {
      const { data, response } = await client.GET(JOB, { params: { path: ids } });
      expect(response.status).toBe(200);
      expect(data).toEqual(job());
    }
    expect(sent).toHaveLength(5);
  });

  it("shares one Apache challenge among concurrent first calls of a user's own client", async () => {
    const { client, sent } = ownClient();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => client.GET(JOB, { params: { path: ids } })),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(6).fill(200));
    expect(sent).toHaveLength(7);
  });

  it.each(["POST", "DELETE"] as const)(
    "signs a %s with its own method in HA2, which Apache accepts",
    async (method) => {
      const { client, sent } = ownClient();
      await client.GET(JOB, { params: { path: ids } });
      const { response } = await client.request(
        method.toLowerCase() as "post",
        JOB as never,
        {
          params: { path: ids },
          ...(method === "POST" ? { body: { snapshotId: "x" } } : {}),
        } as never,
      );
      // Apache checks the digest before its static-file handler answers (200 or 405); a wrong HA2 is a 401.
      expect([200, 405]).toContain(response.status);
      expect(sent).toHaveLength(3);
      expect(sent[2]!.headers.get("authorization")).toMatch(/^Digest /);
    },
  );

  it("signs the named methods' POST and DELETE so Apache accepts them", async () => {
    const { atlas, sent } = client();
    const { groupId, clusterName } = ids;
    const body = { snapshotId: "6650a1b2c3d4e5f6a7b8c9d0", exportBucketId: "6650a1b2c3d4e5f6a7b8c9e0" };
    const create = await atlas.createBackupExportJob({ groupId, clusterName }, body).catch((e: unknown) => e);
    const remove = await atlas
      .deleteExportBucket({ groupId, exportBucketId: body.exportBucketId })
      .catch((e: unknown) => e);
    // Past the digest check, Apache's static-file handler refuses both (404/405); a wrong HA2 is a 401.
    for (const error of [create, remove]) {
      expect(error).toBeInstanceOf(AtlasApiError);
      expect([404, 405]).toContain((error as AtlasApiError).status);
    }
    expect(sent.map((request) => request.method)).toEqual(["POST", "POST", "DELETE"]);
    expect(
      sent.slice(1).every((request) => /^Digest /.test(request.headers.get("authorization") ?? "")),
    ).toBe(true);
  });
});
