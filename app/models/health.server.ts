import { getDb } from "~/db/client.server";

/** Round-trip time to the database in milliseconds; throws when it cannot be reached. */
export async function databaseLatencyMs(): Promise<number> {
  const started = Date.now();
  await getDb().$queryRaw`SELECT 1`;
  return Date.now() - started;
}
