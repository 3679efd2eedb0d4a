import { verifyPassword } from "~/auth/password.server";
import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Language } from "~/i18n/config";

/** What the account page shows: never the password hash itself, only whether there is one. */
export async function getAccount({ userId }: { userId: string }) {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, locale: true, passwordHash: true },
  });
  const { passwordHash, ...account } = user;
  return { ...account, hasPassword: passwordHash !== null };
}

export async function updateProfile({ userId, name, locale }: { userId: string; name: string; locale: Language }) {
  await getDb().user.update({ where: { id: userId }, data: { name, locale } });
}

/** Accounts created with a join code have no password: for them there is nothing to check. */
export async function isCurrentPassword({ userId, password }: { userId: string; password: string }) {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  return user.passwordHash ? verifyPassword(password, user.passwordHash) : true;
}

/** Gives an account without e-mail (joined in the room) an address to sign in with; false when it is taken. */
export async function addEmail({ userId, email }: { userId: string; email: string }): Promise<boolean> {
  try {
    const updated = await getDb().user.updateMany({ where: { id: userId, email: null }, data: { email: email.toLowerCase() } });
    return updated.count === 1;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
