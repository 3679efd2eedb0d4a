import { getDb } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { parseCallIdentity, parseCallRoomName } from "~/livekit/names";
import { resolveRoomSelf } from "./live/room-access.server";

export type CallAttendanceOutcome = "recorded" | "duplicate" | "ignored";

/**
 * A person joined or left a room's video call, as LiveKit reported it. Recorded as attendance of that room with
 * source VIDEO, once per LiveKit event (LiveKit retries deliveries). Rooms that are not ours, people who are not
 * members, and the room's laptop (not a person) are ignored.
 */
export async function recordCallAttendance({
  eventId,
  roomName,
  identity,
  kind,
  at,
}: {
  eventId: string;
  roomName: string;
  identity: string;
  kind: "JOIN" | "LEAVE";
  at: Date;
}): Promise<CallAttendanceOutcome> {
  const target = parseCallRoomName(roomName);
  const { userId, device } = parseCallIdentity(identity);
  if (!target || device === "room" || !userId) return "ignored";
  const self = await resolveRoomSelf({ ...target, userId });
  if (typeof self === "string") return "ignored";
  try {
    await getDb().attendanceEvent.create({
      data: { ...target, userId, mode: self.mode, kind, source: "VIDEO", externalId: eventId || null, at },
    });
    return "recorded";
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
}
