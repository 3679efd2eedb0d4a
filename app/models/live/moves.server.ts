import { getDb } from "~/db/client.server";
import { PLENARY, type RoomKey } from "~/live/protocol";
import { findWorkshopRole } from "~/models/access.server";
import { changeRegistration } from "../registration.server";
import { getStage } from "./live-state.server";
import { PRESENCE_TTL_MS } from "./presence.server";

/** The page of a live room, where a person's devices are sent when they are moved. */
export function liveRoomPath(workshopId: string, room: RoomKey) {
  return `/workshops/${workshopId}/live${room === PLENARY ? "" : `/${room}`}`;
}

export type MoveOutcome = { ok: true } | { ok: false; reason: "notFound" | "sessionFull" };

/**
 * An organiser sends a member to another room. Moving to a session also moves their registration there, with the
 * same capacity rule as registering (a full session refuses); moving to the plenary keeps their session, since
 * everyone belongs to the plenary anyway. Members without a registration simply follow.
 */
export async function moveParticipant({
  workshopId,
  userId,
  toRoom,
  movedById,
}: {
  workshopId: string;
  userId: string;
  toRoom: RoomKey;
  movedById: string;
}): Promise<MoveOutcome> {
  const db = getDb();
  const [role, session, registration] = await Promise.all([
    findWorkshopRole({ workshopId, userId }),
    toRoom === PLENARY ? null : db.session.findFirst({ where: { id: toRoom, workshopId }, select: { id: true } }),
    db.registration.findUnique({ where: { workshopId_userId: { workshopId, userId } }, select: { mode: true, sessionId: true } }),
  ]);
  if (!role || (toRoom !== PLENARY && !session)) return { ok: false, reason: "notFound" };
  if (registration && toRoom !== PLENARY && registration.sessionId !== toRoom) {
    const outcome = await changeRegistration({ workshopId, userId, mode: registration.mode, sessionId: toRoom });
    if (!outcome) return { ok: false, reason: "notFound" };
    if (!outcome.ok) return { ok: false, reason: outcome.reason === "sessionFull" ? "sessionFull" : "notFound" };
  }
  await db.auditLog.create({
    data: {
      workshopId,
      actorId: movedById,
      action: "live.participant_moved",
      subjectType: "User",
      subjectId: userId,
      data: { fromSessionId: registration?.sessionId ?? null, toRoom },
    },
  });
  return { ok: true };
}

/**
 * The session each person belongs to during the parallel sessions: the one they registered for, else the one they
 * facilitate. People with neither are absent from the map and stay in the plenary.
 */
async function sessionsOf({ workshopId, userIds }: { workshopId: string; userIds: string[] }) {
  const db = getDb();
  const [registrations, facilitations] = await Promise.all([
    db.registration.findMany({ where: { workshopId, userId: { in: userIds }, sessionId: { not: null } }, select: { userId: true, sessionId: true } }),
    db.sessionFacilitator.findMany({
      where: { userId: { in: userIds }, session: { workshopId } },
      orderBy: { session: { position: "asc" } },
      select: { userId: true, sessionId: true },
    }),
  ]);
  const sessions = new Map<string, string>();
  for (const { userId, sessionId } of registrations) if (sessionId) sessions.set(userId, sessionId);
  for (const { userId, sessionId } of facilitations) if (!sessions.has(userId)) sessions.set(userId, sessionId);
  return sessions;
}

/** Where each person connected to the workshop's live rooms goes when the parallel sessions start. */
export async function parallelDestinations({ workshopId }: { workshopId: string }) {
  const connected = await getDb().livePresence.findMany({
    where: { workshopId, lastSeenAt: { gte: new Date(Date.now() - PRESENCE_TTL_MS) } },
    distinct: ["userId"],
    select: { userId: true },
  });
  const sessions = await sessionsOf({ workshopId, userIds: connected.map((row) => row.userId) });
  return [...sessions].map(([userId, room]) => ({ userId, room }));
}

/** The live room a member should enter now: their session while the parallel sessions run, else the plenary. */
export async function liveRoomFor({ workshopId, userId }: { workshopId: string; userId: string }): Promise<RoomKey> {
  if ((await getStage({ workshopId })) !== "PARALLEL") return PLENARY;
  return (await sessionsOf({ workshopId, userIds: [userId] })).get(userId) ?? PLENARY;
}
