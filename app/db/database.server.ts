import type { Env } from "~/env.server";
import { startEmbeddedPostgres } from "./embedded-postgres.server";
import { applyMigrations } from "./migrate.server";
import { seedDemoWorkshop } from "./seed-demo.server";

export interface Database {
  url: string;
  stop(): Promise<void>;
}

/**
 * The database the app runs on: the server in DATABASE_URL, or an embedded one under DATA_DIR. Either way it is
 * migrated before the first request, and seeded with the demo workshop when SEED_DEMO says so (by default only
 * on the embedded database, which exists to try Majlis out).
 */
export async function startDatabase(env: Env, options: { log: (line: string) => void }): Promise<Database> {
  const database: Database = env.DATABASE_URL
    ? { url: env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: env.dataDir, log: options.log });
  process.env.DATABASE_URL = database.url;

  const applied = await applyMigrations(database.url);
  if (applied.length > 0) options.log(`applied migrations: ${applied.join(", ")}`);

  if (env.SEED_DEMO ?? !env.DATABASE_URL) {
    await seedDemoWorkshop();
    options.log("demo workshop ready (accounts in README.md)");
  }
  return database;
}
