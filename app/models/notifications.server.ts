import { getDb } from "~/db/client.server";
import { getEnv } from "~/env.server";
import type { Prisma } from "~/generated/prisma/client";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/config";
import { isMailConfigured, sendMail } from "~/mail/mailer.server";
import { excerptOf, NOTIFICATION_KINDS, NOTIFICATIONS_PER_PAGE, notificationTarget, type NotificationKind } from "~/notifications/kinds";
import { notificationMail } from "~/notifications/mail";
import { viewerOf, type Viewer } from "~/peers/visibility";
import { mayReadPractice, readablePracticesWhere } from "~/practices/access";

export type { NotificationKind } from "~/notifications/kinds";

/** Whose notifications, and with which rights now: the person as the session reads them on every request. */
interface Reader {
  id: string;
  organisationId: string | null;
  platformModerator: boolean;
}

const readerSelect = { id: true, name: true, email: true, locale: true, organisationId: true, platformModerator: true } as const;

/** Records an in-app notification for each recipient (deduplicated; the actor is never notified of their own act) and, when SMTP is set, mails each one in their language. Recipients who may not read the subject (mayReadPractice) are skipped. Never throws because of mail: failures are logged. */
export async function notify(input: {
  kind: NotificationKind;
  recipientIds: string[];
  actorId: string | null;
  subject: { type: "practice"; id: string };
  /** Short extra text, e.g. { excerpt: first 200 chars of a comment }. Never the subject's title: that is read at display time, with the reader's rights. */
  data?: Record<string, string>;
}): Promise<void> {
  const db = getDb();
  const recipientIds = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (recipientIds.length === 0) return;
  const practice = await db.practice.findUnique({
    where: { id: input.subject.id },
    select: { id: true, title: true, organisationId: true, authorId: true, status: true, visibility: true },
  });
  if (!practice) return;
  const users = await db.user.findMany({ where: { id: { in: recipientIds } }, select: readerSelect });
  const readers = users.filter((user) => mayReadPractice(viewerOf(user), practice));
  if (readers.length === 0) return;
  const rows = await db.notification.createManyAndReturn({
    data: readers.map((user) => ({
      userId: user.id,
      kind: input.kind,
      subjectType: input.subject.type,
      subjectId: practice.id,
      actorId: input.actorId,
      data: input.data ?? {},
    })),
    select: { id: true, userId: true },
  });
  if (!isMailConfigured()) return;
  const notificationOf = new Map(rows.map((row) => [row.userId, row.id]));
  // Not awaited: the person who commented should not wait for (or fail because of) other people's mail servers.
  void mailNotifications({
    kind: input.kind,
    actorId: input.actorId,
    practice,
    excerpt: excerptOf(input.data),
    recipients: readers.flatMap((user) => {
      const notificationId = notificationOf.get(user.id);
      return user.email && notificationId ? [{ ...user, email: user.email, notificationId }] : [];
    }),
  }).catch((error: unknown) => console.error("notification e-mails could not be prepared", error));
}

async function mailNotifications(input: {
  kind: NotificationKind;
  actorId: string | null;
  practice: { id: string; title: string };
  excerpt: string | null;
  recipients: Array<{ notificationId: string; name: string; email: string; locale: string | null }>;
}) {
  const db = getDb();
  const actor = input.actorId ? await db.user.findUnique({ where: { id: input.actorId }, select: { name: true } }) : null;
  const link = siteUrl(notificationTarget(input.kind, input.practice.id));
  const settingsLink = siteUrl("/notifications");
  await Promise.all(
    input.recipients.map(async (recipient) => {
      const mail = notificationMail({
        language: isLanguage(recipient.locale) ? recipient.locale : DEFAULT_LANGUAGE,
        kind: input.kind,
        recipientName: recipient.name,
        actorName: actor?.name ?? null,
        title: input.practice.title,
        excerpt: input.excerpt,
        link,
        settingsLink,
      });
      try {
        await sendMail({ to: recipient.email, ...mail });
        await db.notification.update({ where: { id: recipient.notificationId }, data: { emailedAt: new Date() } });
      } catch (error) {
        console.error(`notification ${recipient.notificationId} could not be e-mailed`, error);
      }
    }),
  );
}

/**
 * Mail leaves the request that caused it, so its links cannot take the request's origin: they use PUBLIC_URL, or
 * the address of a server running on this machine, which is right for the default single-machine setup.
 */
function siteUrl(path: string): string {
  const { PUBLIC_URL, PORT } = getEnv();
  return new URL(path, PUBLIC_URL ?? `http://localhost:${PORT}`).toString();
}

/** User ids who speak for an institution: its admins (organisationAdmin), for notifications about its practices. */
export async function institutionVoices(input: { organisationId: string }): Promise<string[]> {
  const admins = await getDb().user.findMany({ where: { organisationId: input.organisationId, organisationAdmin: true }, select: { id: true } });
  return admins.map((admin) => admin.id);
}

/** Platform moderators' ids, for practices waiting for moderation. */
export async function platformModerators(): Promise<string[]> {
  const moderators = await getDb().user.findMany({ where: { platformModerator: true }, select: { id: true } });
  return moderators.map((moderator) => moderator.id);
}

const knownNotifications = (userId: string): Prisma.NotificationWhereInput => ({
  userId,
  subjectType: "practice",
  kind: { in: [...NOTIFICATION_KINDS] },
});

/** Of these practices, those the reader may read now, with their current titles. */
async function readableSubjects(viewer: Viewer, practiceIds: string[]) {
  if (practiceIds.length === 0) return new Map<string, string>();
  const practices = await getDb().practice.findMany({
    where: { AND: [{ id: { in: practiceIds } }, readablePracticesWhere(viewer)] },
    select: { id: true, title: true },
  });
  return new Map(practices.map((practice) => [practice.id, practice.title]));
}

/**
 * Unread notifications about things the person may still read: what the header's bell counts. Usually a single
 * query (nothing unread); otherwise one more to check the subjects against the reader's current rights.
 */
export async function countUnreadNotifications({ user }: { user: Reader }): Promise<number> {
  const unread = await getDb().notification.groupBy({
    by: ["subjectId"],
    where: { ...knownNotifications(user.id), readAt: null },
    _count: { _all: true },
  });
  if (unread.length === 0) return 0;
  const readable = await readableSubjects(viewerOf(user), unread.map((row) => row.subjectId));
  return unread.reduce((sum, row) => sum + (readable.has(row.subjectId) ? row._count._all : 0), 0);
}

/**
 * A page of the person's notifications, newest first, each with its subject's current title. Those whose subject
 * they may no longer read (made private, deleted, or they moved institution) are left out, as if never sent.
 * `olderThan` is the id of the last one of the previous page.
 */
export async function listNotifications({ user, olderThan }: { user: Reader; olderThan: string | null }) {
  const db = getDb();
  const subjects = await db.notification.findMany({ where: knownNotifications(user.id), distinct: ["subjectId"], select: { subjectId: true } });
  const titles = await readableSubjects(viewerOf(user), subjects.map((row) => row.subjectId));
  const rows = await db.notification.findMany({
    where: { ...knownNotifications(user.id), subjectId: { in: [...titles.keys()] } },
    select: { id: true, kind: true, subjectId: true, actorId: true, data: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(olderThan ? { cursor: { id: olderThan }, skip: 1 } : {}),
    take: NOTIFICATIONS_PER_PAGE + 1,
  });
  const page = rows.slice(0, NOTIFICATIONS_PER_PAGE);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = actorIds.length
    ? new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((actor) => [actor.id, actor.name]))
    : new Map<string, string>();
  return {
    notifications: page.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      title: titles.get(row.subjectId) ?? "",
      actorName: row.actorId ? (actors.get(row.actorId) ?? null) : null,
      excerpt: excerptOf(row.data),
      read: row.readAt !== null,
      createdAt: row.createdAt,
    })),
    olderThan: rows.length > NOTIFICATIONS_PER_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * Opens one of the person's notifications: marks it read and returns where it leads. Null for a notification that
 * is not theirs, or whose subject they may no longer read, so that neither can be told from one that never existed.
 */
export async function openNotification({ user, notificationId }: { user: Reader; notificationId: string }): Promise<string | null> {
  const db = getDb();
  const notification = await db.notification.findFirst({
    where: { id: notificationId, ...knownNotifications(user.id) },
    select: { id: true, kind: true, subjectId: true, readAt: true },
  });
  if (!notification) return null;
  const readable = await readableSubjects(viewerOf(user), [notification.subjectId]);
  if (!readable.has(notification.subjectId)) return null;
  if (!notification.readAt) await db.notification.update({ where: { id: notification.id }, data: { readAt: new Date() } });
  return notificationTarget(notification.kind as NotificationKind, notification.subjectId);
}

export async function markAllNotificationsRead({ userId }: { userId: string }) {
  await getDb().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
