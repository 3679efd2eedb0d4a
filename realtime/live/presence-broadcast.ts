import { listPresent } from "~/models/live/presence.server";
import type { RoomKey } from "~/live/protocol";
import type { LiveServer } from "./context";
import { channels } from "./rooms";

/** Tells a room who is there now, and the organisers' consoles that something changed in that room. */
export async function broadcastPresence(io: LiveServer, workshopId: string, room: RoomKey) {
  const present = await listPresent({ workshopId, room });
  io.to(channels.room(workshopId, room)).emit("presence:changed" as never, { present } as never);
  notifyConsole(io, workshopId, room);
}

/** A nudge to the organisers' consoles; they fetch the new summary themselves, at most a few times a second. */
export function notifyConsole(io: LiveServer, workshopId: string, room: RoomKey) {
  io.to(channels.organisers(workshopId)).emit("console:changed" as never, { room } as never);
}
