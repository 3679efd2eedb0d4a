/**
 * `npm run user:create -- --email you@institution.ma --name "Your Name" [--organiser]`
 *
 * Creates an account from the command line, for the first organiser of a new deployment (nobody can invite
 * anyone before that). Prints a generated password once; its owner changes it on the account page. An existing
 * account is not touched, except that --organiser lets it create workshops.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { disconnectDb } from "~/db/client.server";
import { startDatabase } from "~/db/database.server";
import { parseEnv } from "~/env.server";
import { allowToOrganise, createUser, findUserByEmail } from "~/models/user.server";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, organiser: { type: "boolean", default: false } },
});
const input = z.object({ email: z.email(), name: z.string().trim().min(1).max(120), organiser: z.boolean() }).safeParse(values);
if (!input.success) {
  console.error('Usage: npm run user:create -- --email you@institution.ma --name "Your Name" [--organiser]');
  process.exit(1);
}

const env = parseEnv();
const database = await startDatabase({ ...env, SEED_DEMO: false }, { log: () => {} });
try {
  const { email, name, organiser } = input.data;
  const existing = await findUserByEmail({ email });
  if (existing) {
    if (organiser) await allowToOrganise({ userId: existing.id });
    console.log(`${email} already has an account${organiser ? "; it may now create workshops" : ""}.`);
  } else {
    const password = randomBytes(12).toString("base64url");
    const user = await createUser({ email, name, password });
    if (organiser) await allowToOrganise({ userId: user.id });
    console.log(`Account created for ${email}. Password (shown once, change it on /account): ${password}`);
  }
} finally {
  await disconnectDb();
  await database.stop();
}
