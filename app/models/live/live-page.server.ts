import { getDb } from "~/db/client.server";
import { PLENARY, type RoomKey } from "~/live/protocol";
import { listRooms } from "./room-access.server";

/** What the live page shows before the connection is up: the workshop, this room, and the other rooms. */
export async function getLivePage({ workshopId, room, userId }: { workshopId: string; room: RoomKey; userId: string }) {
  const db = getDb();
  const [workshop, rooms, registration] = await Promise.all([
    db.workshop.findUnique({ where: { id: workshopId }, select: { id: true, title: true, timezone: true, joinCode: true } }),
    listRooms({ workshopId }),
    db.registration.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { sessionId: true } }),
  ]);
  const current = rooms.find((candidate) => candidate.key === room);
  if (!workshop || !current) return null;
  return { workshop, room: current, rooms, mySessionId: registration?.sessionId ?? null, isPlenary: room === PLENARY };
}
