// Paths are relative to this file. Read by the Prisma CLI (`prisma migrate deploy`, `prisma studio`) for deployments that have its native engine.
// The app itself never needs it: it applies migrations at start with prisma/tools (see docs/decisions/002).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
