import { decoyPasswordHash, hashPassword, verifyPassword } from "~/auth/password.server";
import { getDb } from "~/db/client.server";
import type { Language } from "~/i18n/config";

export async function saveUserLanguage({ userId, language }: { userId: string; language: Language }) {
  await getDb().user.update({ where: { id: userId }, data: { locale: language } });
}

export async function findUserByEmail({ email }: { email: string }) {
  return getDb().user.findUnique({ where: { email: email.toLowerCase() } });
}

/** The user when the password matches; the same work is done for an unknown e-mail so timing reveals nothing. */
export async function verifyLogin({ email, password }: { email: string; password: string }) {
  const user = await findUserByEmail({ email });
  const hash = user?.passwordHash ?? (await decoyPasswordHash());
  const valid = await verifyPassword(password, hash);
  return user?.passwordHash && valid ? user : null;
}

export async function createUser(input: {
  email?: string | null;
  name: string;
  password?: string;
  locale?: Language;
  organisationId?: string | null;
}) {
  return getDb().user.create({
    data: {
      email: input.email?.toLowerCase() ?? null,
      name: input.name,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      locale: input.locale ?? null,
      organisationId: input.organisationId ?? null,
    },
  });
}

/** Sets a new password and signs every device out, since the old password may have been known to someone else. */
export async function setPassword({ userId, password }: { userId: string; password: string }) {
  const passwordHash = await hashPassword(password);
  await getDb().$transaction([
    getDb().user.update({ where: { id: userId }, data: { passwordHash } }),
    getDb().loginSession.deleteMany({ where: { userId } }),
  ]);
}

/** Institution staff who may create workshops; set from the command line for the first organiser. */
export async function allowToOrganise({ userId }: { userId: string }) {
  await getDb().user.update({ where: { id: userId }, data: { canOrganise: true } });
}

/** A platform moderator registers institutions and moderates what they share; set from the command line for the first. */
export async function allowToModerate({ userId }: { userId: string }) {
  await getDb().user.update({ where: { id: userId }, data: { platformModerator: true } });
}

/**
 * Ties the account to the institution of that name as one of its admins, registering the institution first when the
 * platform has none of that name (the first person of a new deployment has nobody to add them).
 */
export async function makeInstitutionAdmin({ userId, institution, country }: { userId: string; institution: string; country: string }) {
  const db = getDb();
  const organisation = (await db.organisation.findFirst({ where: { name: institution }, select: { id: true } })) ??
    (await db.organisation.create({ data: { name: institution, country }, select: { id: true } }));
  await db.user.update({ where: { id: userId }, data: { organisationId: organisation.id, organisationAdmin: true } });
}
