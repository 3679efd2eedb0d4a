/**
 * `npm run user:create -- --email you@institution.ma --name "Your Name" [--organiser] [--moderator]
 *    [--institution "Institution name" [--country MA]]`
 *
 * Creates an account from the command line, for the first organiser of a new deployment (nobody can invite
 * anyone before that). Prints a generated password once; its owner changes it on the account page. An existing
 * account is not touched, except for what the flags grant: --organiser lets it create workshops, --moderator makes
 * it a platform moderator (registers institutions, moderates shared practices), --institution ties it to that
 * institution as an admin (registering the institution when there is none of that name).
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { disconnectDb } from "~/db/client.server";
import { startDatabase } from "~/db/database.server";
import { parseEnv } from "~/env.server";
import { allowToModerate, allowToOrganise, createUser, findUserByEmail, makeInstitutionAdmin } from "~/models/user.server";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    organiser: { type: "boolean", default: false },
    moderator: { type: "boolean", default: false },
    institution: { type: "string" },
    country: { type: "string", default: "MA" },
  },
});
const input = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(120),
    organiser: z.boolean(),
    moderator: z.boolean(),
    institution: z.string().trim().min(2).max(200).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as MA"),
  })
  .safeParse(values);
if (!input.success) {
  console.error(
    'Usage: npm run user:create -- --email you@institution.ma --name "Your Name" [--organiser] [--moderator] [--institution "Institution name" [--country MA]]',
  );
  process.exit(1);
}

const env = parseEnv();
const database = await startDatabase({ ...env, SEED_DEMO: false }, { log: () => {} });
try {
  const { email, name, organiser, moderator, institution, country } = input.data;
  const existing = await findUserByEmail({ email });
  const password = existing ? null : randomBytes(12).toString("base64url");
  const user = existing ?? (await createUser({ email, name, password: password ?? undefined }));
  if (organiser) await allowToOrganise({ userId: user.id });
  if (moderator) await allowToModerate({ userId: user.id });
  if (institution) await makeInstitutionAdmin({ userId: user.id, institution, country });
  const granted = [organiser && "may create workshops", moderator && "is a platform moderator", institution && `is an admin of ${institution}`]
    .filter(Boolean)
    .join(", ");
  console.log(
    password
      ? `Account created for ${email}${granted ? ` (${granted})` : ""}. Password (shown once, change it on /account): ${password}`
      : `${email} already has an account${granted ? `; it ${granted}` : ""}.`,
  );
} finally {
  await disconnectDb();
  await database.stop();
}
