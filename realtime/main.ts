import { EnvError, parseEnv } from "~/env.server";
import { startDatabase } from "~/db/database.server";
import { createServer } from "./server";

/** `npm start`: parse the configuration, make the database ready, serve, and shut down cleanly on SIGTERM. */
async function main() {
  const env = parseEnv();
  const database = await startDatabase(env, { log: (line) => console.log(`[db] ${line}`) });
  const server = await createServer({ port: env.PORT, host: env.HOST, trustProxy: env.TRUST_PROXY });
  console.log(`Majlis is listening on http://localhost:${server.port}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping`);
    await server.close();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error("Majlis could not start:", error);
  process.exit(1);
});
