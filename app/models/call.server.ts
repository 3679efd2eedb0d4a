import type { CallPanelData, CallRole } from "~/call/protocol";
import { getDb } from "~/db/client.server";
import type { WorkshopRole } from "~/generated/prisma/enums";
import { PLENARY, type RoomKey } from "~/live/protocol";
import { getLiveKitConfig } from "~/livekit/config.server";
import { resolveRoomSelf } from "./live/room-access.server";

/** Observers and the steering committee follow the call; they do not take part in it. */
const LISTENER_ROLES: WorkshopRole[] = ["OBSERVER", "COMMITTEE_MEMBER"];

export interface CallAccess {
  workshopId: string;
  room: RoomKey;
  userId: string;
  name: string;
  role: CallRole;
  isFacilitator: boolean;
  mode: "IN_PERSON" | "REMOTE";
  /** Whether participants may publish camera and microphone in this room now. */
  participantsPublish: boolean;
  /** How the room's laptop is named in the call: the session's place or title, the workshop's venue for the plenary. */
  roomLabel: string | null;
}

export type CallAccessOutcome = { ok: true; access: CallAccess } | { ok: false; reason: "notFound" | "forbidden" };

/**
 * Who this user is in the video call of a room, addressed as the call routes do: a session by its id, the plenary by
 * "plenary" with its workshop. The same rule as entering the live room: members of the workshop, rooms of it.
 */
export async function resolveCallAccess({
  sessionId,
  workshopId,
  userId,
}: {
  sessionId: string;
  workshopId: string | null;
  userId: string;
}): Promise<CallAccessOutcome> {
  const db = getDb();
  let target: { workshopId: string; room: RoomKey; roomLabel: string | null };
  if (sessionId === PLENARY) {
    const workshop = workshopId ? await db.workshop.findUnique({ where: { id: workshopId }, select: { venue: true } }) : null;
    if (!workshopId || !workshop) return { ok: false, reason: "notFound" };
    target = { workshopId, room: PLENARY, roomLabel: workshop.venue || null };
  } else {
    const session = await db.session.findUnique({ where: { id: sessionId }, select: { workshopId: true, title: true, room: true } });
    if (!session || (workshopId && workshopId !== session.workshopId)) return { ok: false, reason: "notFound" };
    target = { workshopId: session.workshopId, room: sessionId, roomLabel: session.room || session.title };
  }
  const [self, state] = await Promise.all([
    resolveRoomSelf({ workshopId: target.workshopId, room: target.room, userId }),
    db.liveRoomState.findUnique({ where: { workshopId_room: { workshopId: target.workshopId, room: target.room } }, select: { callParticipantsPublish: true } }),
  ]);
  if (self === "notFound") return { ok: false, reason: "notFound" };
  if (self === "forbidden") return { ok: false, reason: "forbidden" };
  const role: CallRole = self.isFacilitator ? "facilitator" : LISTENER_ROLES.includes(self.role as WorkshopRole) ? "listener" : "participant";
  return {
    ok: true,
    access: {
      ...target,
      userId,
      name: self.name,
      role,
      isFacilitator: self.isFacilitator,
      mode: self.mode,
      participantsPublish: state?.callParticipantsPublish ?? true,
    },
  };
}

export async function setParticipantsPublish({
  workshopId,
  room,
  allow,
  actorId,
}: {
  workshopId: string;
  room: RoomKey;
  allow: boolean;
  actorId: string;
}) {
  const db = getDb();
  await db.$transaction([
    db.liveRoomState.upsert({
      where: { workshopId_room: { workshopId, room } },
      create: { workshopId, room, callParticipantsPublish: allow },
      update: { callParticipantsPublish: allow },
    }),
    db.auditLog.create({
      data: { workshopId, actorId, action: allow ? "call.publishing_allowed" : "call.publishing_stopped", subjectType: "LiveRoom", subjectId: room },
    }),
  ]);
}

export async function isRemovedFromCall({ workshopId, room, userId }: { workshopId: string; room: RoomKey; userId: string }) {
  const row = await getDb().callRemoval.findUnique({ where: { workshopId_room_userId: { workshopId, room, userId } }, select: { userId: true } });
  return row !== null;
}

export async function recordCallRemoval({ workshopId, room, userId, actorId }: { workshopId: string; room: RoomKey; userId: string; actorId: string }) {
  const db = getDb();
  await db.$transaction([
    db.callRemoval.upsert({
      where: { workshopId_room_userId: { workshopId, room, userId } },
      create: { workshopId, room, userId, removedById: actorId },
      update: {},
    }),
    db.auditLog.create({ data: { workshopId, actorId, action: "call.participant_removed", subjectType: "User", subjectId: userId, data: { room } } }),
  ]);
}

/** Lets someone removed from a room's call back in; false when they were not removed. */
export async function readmitToCall({ workshopId, room, userId, actorId }: { workshopId: string; room: RoomKey; userId: string; actorId: string }) {
  const db = getDb();
  const { count } = await db.callRemoval.deleteMany({ where: { workshopId, room, userId } });
  if (count === 0) return false;
  await db.auditLog.create({ data: { workshopId, actorId, action: "call.participant_readmitted", subjectType: "User", subjectId: userId, data: { room } } });
  return true;
}

export async function listCallRemovals({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  const db = getDb();
  const rows = await db.callRemoval.findMany({ where: { workshopId, room }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  const users = await db.user.findMany({ where: { id: { in: rows.map((row) => row.userId) } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return rows.map((row) => ({ userId: row.userId, name: names.get(row.userId) ?? "" }));
}

/** All the browser learns of the video set-up: whether there is one, and this person's place in the room's call. */
export async function callPanelData({ workshopId, room, userId }: { workshopId: string; room: RoomKey; userId: string }): Promise<CallPanelData> {
  if (!getLiveKitConfig()) return { configured: false };
  const outcome = await resolveCallAccess({ sessionId: room, workshopId, userId });
  if (!outcome.ok) return { configured: false };
  const { role, isFacilitator, mode, participantsPublish } = outcome.access;
  return { configured: true, role, isFacilitator, mode, participantsPublish };
}
