import { getDb } from "~/db/client.server";
import { PLENARY, type RoomKey } from "~/live/protocol";
import type { HelpRequestView } from "~/live/tools-protocol";
import { personLabels } from "./person-labels.server";

type Room = { workshopId: string; room: RoomKey };

interface HelpRequestRow {
  id: string;
  workshopId: string;
  room: string;
  userId: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedById: string | null;
}

// A call closed by the person who made it was cancelled; closed by anyone else (an organiser), it was answered.
const statusOf = (row: HelpRequestRow) => (row.resolvedAt === null ? "open" : row.resolvedById === row.userId ? "cancelled" : "answered");

async function toViews(workshopId: string, rows: HelpRequestRow[]): Promise<HelpRequestView[]> {
  const sessionIds = [...new Set(rows.map((row) => row.room).filter((room) => room !== PLENARY))];
  const [labels, sessions] = await Promise.all([
    personLabels({ workshopId, userIds: [...new Set(rows.map((row) => row.userId))] }),
    getDb().session.findMany({ where: { workshopId, id: { in: sessionIds } }, select: { id: true, title: true } }),
  ]);
  const titles = new Map(sessions.map((session) => [session.id, session.title]));
  return rows.map((row) => ({
    id: row.id,
    room: row.room,
    roomTitle: titles.get(row.room) ?? null,
    userId: row.userId,
    name: labels.get(row.userId)?.name ?? "",
    mode: labels.get(row.userId)?.mode ?? "REMOTE",
    createdAt: row.createdAt.toISOString(),
    status: statusOf(row),
  }));
}

const toView = async (row: HelpRequestRow) => (await toViews(row.workshopId, [row]))[0];

/**
 * Opens a call for help, or returns the one this person already has open in this room: a double tap, or a retry
 * after a dropped connection, must not call the organisers twice. The lock makes that hold across server processes.
 */
export async function openHelpRequest({ workshopId, room, userId }: Room & { userId: string }) {
  const row = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`help:${workshopId}:${room}:${userId}`}))`;
    const open = await tx.helpRequest.findFirst({ where: { workshopId, room, userId, resolvedAt: null } });
    return open ?? tx.helpRequest.create({ data: { workshopId, room, userId } });
  });
  return toView(row);
}

export async function getOpenHelpRequest({ workshopId, room, userId }: Room & { userId: string }) {
  const row = await getDb().helpRequest.findFirst({ where: { workshopId, room, userId, resolvedAt: null } });
  return row ? toView(row) : null;
}

/** Every call of the workshop still waiting for an organiser, oldest first. */
export async function listOpenHelpRequests({ workshopId }: { workshopId: string }) {
  const rows = await getDb().helpRequest.findMany({ where: { workshopId, resolvedAt: null }, orderBy: { createdAt: "asc" } });
  return toViews(workshopId, rows);
}

/** An organiser took the call. Null when the workshop has no such request; a call already closed stays as it was. */
export async function resolveHelpRequest({ workshopId, requestId, resolvedById }: { workshopId: string; requestId: string; resolvedById: string }) {
  const db = getDb();
  await db.helpRequest.updateMany({ where: { id: requestId, workshopId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById } });
  const row = await db.helpRequest.findFirst({ where: { id: requestId, workshopId } });
  return row ? toView(row) : null;
}

/** The person withdraws their open call in this room; null when they had none. */
export async function cancelHelpRequest({ workshopId, room, userId }: Room & { userId: string }) {
  const db = getDb();
  const open = await db.helpRequest.findFirst({ where: { workshopId, room, userId, resolvedAt: null } });
  if (!open) return null;
  const { count } = await db.helpRequest.updateMany({ where: { id: open.id, workshopId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: userId } });
  if (count === 0) return null;
  const row = await db.helpRequest.findFirst({ where: { id: open.id, workshopId } });
  return row ? toView(row) : null;
}
