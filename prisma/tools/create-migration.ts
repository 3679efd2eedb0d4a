/**
 * `npm run migration:create -- <name>` writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes
 * a database from the existing migrations to prisma/schema.prisma, as `prisma migrate dev --create-only` would, but
 * computed offline by Prisma's schema engine in WebAssembly (schema-engine.ts).
 *
 * The engine replays the existing migrations on a throwaway "shadow" database, taken from, in order:
 * - SHADOW_DATABASE_URL, emptied first (the contract of Prisma's shadow databases; never DATABASE_URL itself);
 * - a scratch database created on the DATABASE_URL server, dropped afterwards;
 * - a scratch database on an embedded PostgreSQL of its own, stopped afterwards.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  createScratchDatabase,
  diffMigrationsToSchema,
  engineErrorMessage,
  listMigrations,
  openSchemaEngine,
  POSTGRES_LOCKFILE,
  resetDatabase,
} from "./schema-engine.ts";

const PRISMA_DIR = path.resolve(import.meta.dirname, "..");
const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
const LOCKFILE_PATH = path.join(MIGRATIONS_DIR, "migration_lock.toml");

// Undone in reverse order once, at the end or on Ctrl-C: a scratch database or an embedded server must not outlive us.
const cleanups: Array<() => Promise<unknown>> = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (let step = cleanups.pop(); step; step = cleanups.pop()) {
      await step().catch((error: unknown) => console.error(`Clean-up failed: ${engineErrorMessage(error)}`));
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error("Interrupted: cleaning up.");
    void cleanUp().finally(() => process.exit(130));
  });
}

async function shadowDatabaseUrl(): Promise<string> {
  const { SHADOW_DATABASE_URL, DATABASE_URL } = process.env;
  if (SHADOW_DATABASE_URL) {
    if (SHADOW_DATABASE_URL === DATABASE_URL) {
      throw new Error("SHADOW_DATABASE_URL is DATABASE_URL: the shadow database is emptied, so it must be another one.");
    }
    await resetDatabase(SHADOW_DATABASE_URL);
    return SHADOW_DATABASE_URL;
  }
  let serverUrl = DATABASE_URL;
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await import("../../app/db/embedded-postgres.server.ts");
    // A data folder of its own: stopping this server afterwards must not stop the one a running app uses.
    const dataDir = path.resolve(process.env.DATA_DIR ?? ".data", "migration-shadow");
    console.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${dataDir}`);
    const server = await startEmbeddedPostgres({ dataDir, database: "postgres" });
    cleanups.push(() => server.stop());
    serverUrl = server.url;
  }
  const scratch = await createScratchDatabase(serverUrl);
  cleanups.push(() => scratch.drop());
  return scratch.url;
}

/** UTC, like the folders `prisma migrate dev` names: 20250131235959. */
function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !/^[a-z0-9_]{1,200}$/.test(args[0])) {
    throw new Error(
      "Usage: npm run migration:create -- <name>\n" +
        "The name is lowercase letters, digits and underscores, e.g. add_polls.",
    );
  }
  const name = args[0];

  const migrations = await listMigrations(MIGRATIONS_DIR);
  const lockfile = migrations.lockfile.content;
  if (lockfile !== null && !/^provider\s*=\s*"postgresql"\s*$/m.test(lockfile)) {
    throw new Error(`${LOCKFILE_PATH} is not for PostgreSQL; this history cannot be continued here.`);
  }
  // The engine reads the history's database from the lockfile; a first migration starts the PostgreSQL one.
  migrations.lockfile.content = lockfile ?? POSTGRES_LOCKFILE;
  const schema = [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") }];

  const session = await openSchemaEngine(await shadowDatabaseUrl());
  cleanups.push(() => session.close());
  const sql = await diffMigrationsToSchema(session.engine, migrations, schema);

  if (sql === null) {
    const count = migrations.migrationDirectories.length;
    console.log(`No changes: the ${count} existing migration(s) already produce prisma/schema.prisma. Nothing written.`);
    return;
  }
  const folder = `${timestamp()}_${name}`;
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  await mkdir(path.join(MIGRATIONS_DIR, folder)); // fails rather than overwrite an existing migration
  await writeFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), sql, "utf8");
  if (!existsSync(LOCKFILE_PATH)) await writeFile(LOCKFILE_PATH, POSTGRES_LOCKFILE, "utf8");
  console.log(`Created prisma/migrations/${folder}/migration.sql`);
  console.log("Review it, then commit it: it is applied to the database when the app starts.");
}

async function fail(error: unknown): Promise<never> {
  // Once interrupted, the errors of the calls cut short are only noise.
  if (!interrupted) console.error(`migration:create failed: ${engineErrorMessage(error)}`);
  await cleanUp();
  process.exit(interrupted ? 130 : 1);
}

// A panic of the engine is thrown from a detached task, not by the call that caused it.
process.on("uncaughtException", (error) => void fail(error));
await main().then(cleanUp, fail);
