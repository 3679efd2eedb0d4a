import { getDb } from "~/db/client.server";
import type { AttendanceMode, PresentPerson, RoomKey } from "~/live/protocol";

/**
 * Who is in which live room, kept in PostgreSQL so every server process sees everyone. Each process refreshes the
 * rows of its own connections; rows not refreshed for PRESENCE_TTL_MS belonged to a process that died and count
 * as left. Every join and leave is also kept as an AttendanceEvent for reports.
 */
export const PRESENCE_TTL_MS = 90_000;

export async function recordJoin(input: {
  connectionId: string;
  workshopId: string;
  room: RoomKey;
  userId: string;
  mode: AttendanceMode;
  nodeId: string;
}) {
  const db = getDb();
  await db.$transaction([
    db.livePresence.create({ data: input }),
    db.attendanceEvent.create({
      data: { workshopId: input.workshopId, room: input.room, userId: input.userId, mode: input.mode, kind: "JOIN" },
    }),
  ]);
}

/** Ends a connection's presence; returns where it was, or null when it had already ended. */
export async function recordLeave({ connectionId }: { connectionId: string }) {
  const db = getDb();
  const presence = await db.livePresence.findUnique({ where: { connectionId } });
  if (!presence) return null;
  await db.$transaction([
    db.livePresence.deleteMany({ where: { connectionId } }),
    db.attendanceEvent.create({
      data: { workshopId: presence.workshopId, room: presence.room, userId: presence.userId, mode: presence.mode, kind: "LEAVE" },
    }),
  ]);
  return { workshopId: presence.workshopId, room: presence.room };
}

/** Marks this process's open connections as alive; any other row of this process is left to expire. */
export async function refreshPresence({ nodeId, connectionIds }: { nodeId: string; connectionIds: string[] }) {
  await getDb().livePresence.updateMany({ where: { nodeId, connectionId: { in: connectionIds } }, data: { lastSeenAt: new Date() } });
}

/** Closes the presence of connections whose process stopped refreshing them; returns who left which room. */
export async function expireStalePresence() {
  const db = getDb();
  const stale = await db.livePresence.findMany({ where: { lastSeenAt: { lt: new Date(Date.now() - PRESENCE_TTL_MS) } } });
  for (const presence of stale) await recordLeave({ connectionId: presence.connectionId });
  return stale.map(({ workshopId, room, userId }) => ({ workshopId, room, userId }));
}

export async function listPresent({ workshopId, room }: { workshopId: string; room: RoomKey }): Promise<PresentPerson[]> {
  const rows = await getDb().livePresence.findMany({
    where: { workshopId, room, lastSeenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { userId: true, mode: true, connectedAt: true },
    orderBy: { connectedAt: "asc" },
  });
  const byUser = new Map<string, AttendanceMode>();
  for (const row of rows) if (!byUser.has(row.userId)) byUser.set(row.userId, row.mode);
  const users = await getDb().user.findMany({ where: { id: { in: [...byUser.keys()] } }, select: { id: true, name: true } });
  return users
    .map((user) => ({ userId: user.id, name: user.name, mode: byUser.get(user.id)! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Head counts of every room of a workshop, by mode, for the organisers' console. */
export async function countPresentByRoom({ workshopId }: { workshopId: string }) {
  const rows = await getDb().livePresence.findMany({
    where: { workshopId, lastSeenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { room: true, userId: true, mode: true },
  });
  const counts: Record<RoomKey, { inPerson: number; remote: number }> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.room}:${row.userId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[row.room] ??= { inPerson: 0, remote: 0 };
    if (row.mode === "IN_PERSON") counts[row.room].inPerson++;
    else counts[row.room].remote++;
  }
  return counts;
}
