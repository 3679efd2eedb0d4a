import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { readMigrations } from "~/db/migrate.server";
import { useApp } from "../support/app";
import { startServerProcess } from "../support/server-process";

describe("the server", () => {
  const app = useApp();

  it("reports a reachable database on /healthz", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: "ok", database: { reachable: true } });
  });

  it("answers unknown pages with a translated 404 page, not a stack trace", async () => {
    const response = await fetch(`${app.url}/no-such-page?lng=en`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Page not found");
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });

  it("keeps Prisma's migration bookkeeping, so `prisma migrate deploy` sees the database as up to date", async () => {
    const rows = await getDb().$queryRaw<Array<{ migration_name: string; checksum: string; finished_at: Date | null }>>`
      SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map(({ migration_name, checksum }) => ({ name: migration_name, checksum }))).toEqual(
      readMigrations().map(({ name, checksum }) => ({ name, checksum })),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });
});

describe("npm start's process", () => {
  it("starts on the given database, then on SIGTERM finishes and exits cleanly", async () => {
    const { child, url, output } = await startServerProcess();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toContain("SIGTERM received");
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("refuses to start on a wrong configuration, naming the variable", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "realtime/main.ts"], {
      env: { ...process.env, PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid environment configuration/);
    expect(output).toMatch(/PORT/);
  });
});
