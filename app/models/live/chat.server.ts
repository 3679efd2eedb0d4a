import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { CHAT_HISTORY_SIZE, type ChatMessageView } from "~/live/chat";
import { PLENARY, type RoomKey } from "~/live/protocol";
import { findWorkshopRole } from "~/models/access.server";

const withAuthor = { author: { select: { id: true, name: true } } } as const;
type ChatRow = Prisma.ChatMessageGetPayload<{ include: typeof withAuthor }>;

function toView(row: ChatRow): ChatMessageView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    clientId: row.clientId,
    room: row.room,
    author: row.author,
    body: deleted ? null : row.body,
    deleted,
    broadcast: row.broadcast,
    createdAt: row.createdAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Stores a message once per (author, clientId): a retry after a lost acknowledgement returns the stored message.
 * Organisers' broadcasts are stored once, in the plenary, and every room's history includes them.
 * Null when the author already used that clientId for a message somewhere else.
 */
export async function sendChatMessage(input: {
  workshopId: string;
  room: RoomKey;
  authorId: string;
  clientId: string;
  body: string;
  broadcast?: boolean;
}): Promise<{ message: ChatMessageView; created: boolean } | null> {
  const db = getDb();
  const broadcast = input.broadcast ?? false;
  const room = broadcast ? PLENARY : input.room;
  const findExisting = async () => {
    const existing = await db.chatMessage.findUnique({
      where: { authorId_clientId: { authorId: input.authorId, clientId: input.clientId } },
      include: withAuthor,
    });
    if (!existing) return undefined;
    const same = existing.workshopId === input.workshopId && existing.room === room && existing.broadcast === broadcast;
    return same ? { message: toView(existing), created: false } : null;
  };
  const existing = await findExisting();
  if (existing !== undefined) return existing;
  try {
    const row = await db.chatMessage.create({
      data: { workshopId: input.workshopId, room, authorId: input.authorId, clientId: input.clientId, body: input.body, broadcast },
      include: withAuthor,
    });
    return { message: toView(row), created: true };
  } catch (error) {
    // The same message arrived twice at once (a retry racing the original): the first one stored wins.
    if (isUniqueViolation(error)) return (await findExisting()) ?? null;
    throw error;
  }
}

/** The room's last messages, oldest first, with the organisers' broadcasts to every room. */
export async function listChatHistory({ workshopId, room }: { workshopId: string; room: RoomKey }): Promise<ChatMessageView[]> {
  const rows = await getDb().chatMessage.findMany({
    where: { workshopId, OR: [{ room }, { broadcast: true }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CHAT_HISTORY_SIZE,
    include: withAuthor,
  });
  return rows.reverse().map(toView);
}

/** Marks a message of this room as deleted (its text is no longer shown); null when the room has no such message. */
export async function deleteChatMessage({
  workshopId,
  room,
  messageId,
  deletedById,
}: {
  workshopId: string;
  room: RoomKey;
  messageId: string;
  deletedById: string;
}): Promise<ChatMessageView | null> {
  const db = getDb();
  const message = await db.chatMessage.findFirst({ where: { id: messageId, workshopId, room } });
  if (!message) return null;
  // Deleting twice keeps who deleted it first, and when.
  await db.chatMessage.updateMany({ where: { id: messageId, workshopId, room, deletedAt: null }, data: { deletedAt: new Date(), deletedById } });
  return toView(await db.chatMessage.findUniqueOrThrow({ where: { id: messageId }, include: withAuthor }));
}

export async function isMutedInChat({ workshopId, userId }: { workshopId: string; userId: string }) {
  return (await getDb().chatMute.count({ where: { workshopId, userId } })) > 0;
}

export async function listMutedUserIds({ workshopId }: { workshopId: string }) {
  const rows = await getDb().chatMute.findMany({ where: { workshopId }, select: { userId: true }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.userId);
}

/**
 * Mutes or unmutes a member of the workshop in its chat and Q&A. Organisers run the workshop and cannot be muted.
 */
export async function setChatMute({
  workshopId,
  userId,
  muted,
  mutedById,
}: {
  workshopId: string;
  userId: string;
  muted: boolean;
  mutedById: string;
}): Promise<"ok" | "notFound" | "forbidden"> {
  const db = getDb();
  const role = await findWorkshopRole({ workshopId, userId });
  if (!role) return "notFound";
  if (role === "ORGANISER") return "forbidden";
  if (muted) {
    await db.chatMute.upsert({ where: { workshopId_userId: { workshopId, userId } }, create: { workshopId, userId, mutedById }, update: {} });
  } else {
    await db.chatMute.deleteMany({ where: { workshopId, userId } });
  }
  return "ok";
}

/** Message times are shown in the workshop's time zone, wherever the reader is. */
export async function getWorkshopTimezone({ workshopId }: { workshopId: string }) {
  const workshop = await getDb().workshop.findUnique({ where: { id: workshopId }, select: { timezone: true } });
  return workshop?.timezone ?? "UTC";
}
