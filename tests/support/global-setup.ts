import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "~/db/embedded-postgres.server";
import { applyMigrations } from "~/db/migrate.server";

// One template per run, so that two runs on the same server (two terminals, CI and a developer) never collide.
const TEMPLATE_DATABASE = `majlis_test_template_${process.pid}`;

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

let embedded: EmbeddedPostgres | undefined;

// Runs sharing the embedded server each leave a file here; the last one to finish stops the server.
const RUNS_DIR = path.resolve(".data/test-postgres-runs");

function otherRunsAlive(): boolean {
  return readdirSync(RUNS_DIR).some((name) => {
    const pid = Number(name);
    if (pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      rmSync(path.join(RUNS_DIR, name), { force: true });
      return false;
    }
  });
}

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL when given (any database on the server to test against),
 * otherwise an embedded one under .data/test-postgres. Migrations are applied once, to a template database that
 * every test file then copies (tests/support/database.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-postgres"), database: "postgres" });
    adminUrl = embedded.url;
    mkdirSync(RUNS_DIR, { recursive: true });
    writeFileSync(path.join(RUNS_DIR, String(process.pid)), "");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`).finally(() => cleanup.end());
    if (!embedded) return;
    rmSync(path.join(RUNS_DIR, String(process.pid)), { force: true });
    if (!otherRunsAlive()) await embedded.stop();
  };
}
