import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

/**
 * The one Prisma client of the process. It hangs on globalThis because the Remix build and realtime/ are loaded
 * as two module graphs; both must share one connection pool.
 */
const globalForDb = globalThis as unknown as { majlisDb?: PrismaClient };

export function createDbClient(databaseUrl: string): PrismaClient {
  // Without a connection timeout a vanished database host would hang requests (and /healthz) indefinitely.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 }) });
}

export function getDb(): PrismaClient {
  if (!globalForDb.majlisDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the server sets it once the database is ready.");
    globalForDb.majlisDb = createDbClient(url);
  }
  return globalForDb.majlisDb;
}

export async function disconnectDb() {
  await globalForDb.majlisDb?.$disconnect();
  globalForDb.majlisDb = undefined;
}

export type { PrismaClient };
