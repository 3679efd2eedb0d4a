import { getDb } from "~/db/client.server";
import { PLENARY, type RoomKey, type RoomSelf } from "~/live/protocol";
import { findWorkshopRole } from "~/models/access.server";

/**
 * Who this user is in a live room, or null when they may not enter it: people holding a role in the workshop
 * (their own, or their institution's) only, and only rooms that exist in it (its plenary or one of its sessions).
 * Decided on the server for every join.
 */
export async function resolveRoomSelf({
  workshopId,
  room,
  userId,
}: {
  workshopId: string;
  room: RoomKey;
  userId: string;
}): Promise<RoomSelf | "notFound" | "forbidden"> {
  const db = getDb();
  const [role, session, registration, user] = await Promise.all([
    findWorkshopRole({ workshopId, userId }),
    room === PLENARY
      ? null
      : db.session.findFirst({
          where: { id: room, workshopId },
          select: { id: true, facilitators: { where: { userId }, select: { userId: true } } },
        }),
    db.registration.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { mode: true } }),
    db.user.findUnique({ where: { id: userId }, select: { name: true } }),
  ]);
  if (room !== PLENARY && !session) return "notFound";
  if (!role || !user) return "forbidden";
  const isOrganiser = role === "ORGANISER";
  return {
    userId,
    name: user.name,
    role,
    isOrganiser,
    isFacilitator: isOrganiser || Boolean(session?.facilitators.length),
    canParticipate: role !== "OBSERVER",
    mode: registration?.mode ?? "REMOTE",
  };
}

/** The rooms of a workshop: its plenary, then its sessions in order. */
export async function listRooms({ workshopId }: { workshopId: string }) {
  const sessions = await getDb().session.findMany({
    where: { workshopId },
    orderBy: { position: "asc" },
    select: { id: true, title: true, room: true },
  });
  return [{ key: PLENARY, title: null as string | null, place: null as string | null }, ...sessions.map((s) => ({ key: s.id, title: s.title, place: s.room }))];
}
