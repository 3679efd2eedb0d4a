import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/db/client.server";

/**
 * Runs before each integration or browser test file: a fresh database copied from the migrated template, so
 * files never see each other's rows and can run in parallel.
 */
const adminUrl = inject("adminDatabaseUrl");
const database = `majlis_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.SESSION_SECRET ??= randomBytes(32).toString("hex");
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "majlis-test-"));
process.env.NODE_ENV = "test";

afterAll(async () => {
  await disconnectDb();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await cleanup.end();
});
