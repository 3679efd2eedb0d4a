// `npm run seed`: puts the demo workshop into the database in DATABASE_URL (or the embedded one), idempotently.
import { startDatabase } from "~/db/database.server";
import { disconnectDb } from "~/db/client.server";
import { parseEnv } from "~/env.server";

const env = parseEnv();
const database = await startDatabase({ ...env, SEED_DEMO: true }, { log: (line) => console.log(line) });
await disconnectDb();
await database.stop();
