import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb } from "~/db/client.server";
import { useApp } from "../support/app";

const realUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  await disconnectDb();
  // Nothing listens on port 9 (discard): the database is "down" for this server.
  process.env.DATABASE_URL = "postgresql://postgres:x@127.0.0.1:9/majlis";
});

afterAll(async () => {
  process.env.DATABASE_URL = realUrl;
});

const app = useApp();

it("answers 503 on /healthz when the database cannot be reached", async () => {
  const response = await fetch(`${app.url}/healthz`);
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: "unavailable", database: { reachable: false } });
});
