import type { RoomKey } from "~/live/protocol";

/**
 * Names in LiveKit. A LiveKit project may serve other applications too, so every room of ours carries a prefix;
 * the parts are ids without dots (cuids, or "plenary"), which keeps the name reversible.
 */
const ROOM_PREFIX = "majlis";
const ROOM_DEVICE_SUFFIX = "#room";

/** The LiveKit room of a live room: a workshop's plenary, or one of its sessions. */
export function callRoomName({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  return `${ROOM_PREFIX}.${workshopId}.${room}`;
}

/** The live room a LiveKit room name stands for, or null for a name that is not one of ours. */
export function parseCallRoomName(name: string): { workshopId: string; room: RoomKey } | null {
  const parts = name.split(".");
  if (parts.length !== 3 || parts[0] !== ROOM_PREFIX || !parts[1] || !parts[2]) return null;
  return { workshopId: parts[1], room: parts[2] };
}

/**
 * A person's identity in a call is their user id. The room's laptop gets its own identity, because LiveKit keeps
 * one connection per identity: the facilitator who runs it may also be in the call on their phone.
 */
export function callIdentity({ userId, device }: { userId: string; device: "personal" | "room" }) {
  return device === "room" ? `${userId}${ROOM_DEVICE_SUFFIX}` : userId;
}

export function parseCallIdentity(identity: string): { userId: string; device: "personal" | "room" } {
  return identity.endsWith(ROOM_DEVICE_SUFFIX)
    ? { userId: identity.slice(0, -ROOM_DEVICE_SUFFIX.length), device: "room" }
    : { userId: identity, device: "personal" };
}
