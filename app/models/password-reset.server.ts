import { hashToken, newToken } from "~/auth/tokens.server";
import { getDb } from "~/db/client.server";
import { setPassword } from "~/models/user.server";

/** A reset link is a password in disguise: it only lives for an hour, and only once. */
export const RESET_LINK_TTL_MS = 60 * 60 * 1000;
/** A request waiting for an organiser (no SMTP) stays on their list this long. */
export const RESET_REQUEST_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Keeps someone from flooding a mailbox (or an organiser's list) with reset requests for one address. */
export const MAX_RESET_REQUESTS_PER_HOUR = 3;

type RequestOutcome =
  | { kind: "unknownEmail" }
  | { kind: "rateLimited" }
  | { kind: "link"; user: { id: string; name: string; email: string; locale: string | null }; token: string }
  | { kind: "awaitingOrganiser" };

/**
 * Records a reset request for the account with this e-mail. With `withToken` (mail configured) it creates the
 * one-time link to mail; otherwise the request waits, token-less, for an organiser to create the link. The
 * caller answers the same whatever the outcome, so the page never tells whether an account exists.
 */
export async function requestPasswordReset({ email, withToken }: { email: string; withToken: boolean }): Promise<RequestOutcome> {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user?.email) return { kind: "unknownEmail" };
  const recent = await db.passwordReset.count({
    where: { userId: user.id, requestedAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } },
  });
  if (recent >= MAX_RESET_REQUESTS_PER_HOUR) return { kind: "rateLimited" };

  const token = withToken ? newToken() : null;
  const reset = await db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: token ? hashToken(token) : null,
      expiresAt: new Date(Date.now() + (token ? RESET_LINK_TTL_MS : RESET_REQUEST_TTL_MS)),
    },
  });
  await db.auditLog.create({
    data: { actorId: null, action: "password_reset.requested", subjectType: "User", subjectId: user.id, data: { resetId: reset.id } },
  });
  return token ? { kind: "link", user: { ...user, email: user.email }, token } : { kind: "awaitingOrganiser" };
}

const pendingRequest = () => ({ tokenHash: null, usedAt: null, expiresAt: { gt: new Date() } });

/** Members of this workshop who asked for a new password and still wait for a link, newest request per person. */
export async function listPendingResetRequests({ workshopId }: { workshopId: string }) {
  const rows = await getDb().passwordReset.findMany({
    where: { ...pendingRequest(), user: { memberships: { some: { workshopId } } } },
    select: { userId: true, requestedAt: true },
    orderBy: { requestedAt: "desc" },
  });
  const latest = new Map<string, Date>();
  for (const row of rows) if (!latest.has(row.userId)) latest.set(row.userId, row.requestedAt);
  return latest;
}

/**
 * An organiser creates the one-time link for a member of their workshop. The member's pending request, if any,
 * receives the token (it is answered), and other pending requests are closed. Returns null when the person is
 * not a member of this workshop: organisers only act on their own workshop's people.
 */
export async function createResetLinkForMember({
  workshopId,
  userId,
  actorId,
}: {
  workshopId: string;
  userId: string;
  actorId: string;
}): Promise<{ token: string; name: string } | null> {
  const db = getDb();
  const membership = await db.membership.findUnique({
    where: { workshopId_userId: { workshopId, userId } },
    select: { user: { select: { name: true } } },
  });
  if (!membership) return null;
  const token = newToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(Date.now() + RESET_LINK_TTL_MS);
  await db.$transaction(async (tx) => {
    const pending = await tx.passwordReset.findMany({
      where: { userId, ...pendingRequest() },
      orderBy: { requestedAt: "desc" },
      select: { id: true },
    });
    const [answered, ...older] = pending;
    if (answered) await tx.passwordReset.update({ where: { id: answered.id }, data: { tokenHash, expiresAt } });
    else await tx.passwordReset.create({ data: { userId, tokenHash, expiresAt } });
    if (older.length > 0) {
      await tx.passwordReset.updateMany({ where: { id: { in: older.map((r) => r.id) } }, data: { expiresAt: new Date() } });
    }
    await tx.auditLog.create({
      data: { workshopId, actorId, action: "password_reset.link_created", subjectType: "User", subjectId: userId },
    });
  });
  return { token, name: membership.user.name };
}

/** Whether this link can still set a password: known, unused and not expired. */
export async function isResetTokenValid({ token }: { token: string }): Promise<boolean> {
  const reset = await getDb().passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(reset && !reset.usedAt && reset.expiresAt > new Date());
}

/**
 * Uses the link: it is claimed first with a conditional update, so two submissions racing with the same link
 * cannot both succeed. Every other outstanding link of the person dies with it. Returns the user id, or null
 * when the link was not (or no longer) valid.
 */
export async function completePasswordReset({ token, password }: { token: string; password: string }): Promise<string | null> {
  const db = getDb();
  const tokenHash = hashToken(token);
  const now = new Date();
  const reset = await db.passwordReset.findUnique({ where: { tokenHash }, select: { userId: true } });
  if (!reset) return null;
  const claimed = await db.passwordReset.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return null;
  await db.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
  await setPassword({ userId: reset.userId, password });
  await db.auditLog.create({
    data: { actorId: reset.userId, action: "password_reset.completed", subjectType: "User", subjectId: reset.userId },
  });
  return reset.userId;
}
