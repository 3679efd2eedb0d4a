import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb } from "~/db/client.server";
import { startApp } from "../support/app";

let app: Awaited<ReturnType<typeof startApp>>;
const realUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  await disconnectDb();
  // Nothing listens on port 9 (discard): the database is "down" for this server.
  process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:9/majlis";
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  process.env.DATABASE_URL = realUrl;
});

it("answers 503 on /healthz when the database cannot be reached", async () => {
  const response = await fetch(`${app.url}/healthz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: "unavailable", database: { reachable: false } });
});
