import { z } from "zod";
import { currentAgendaItem, getStage } from "~/models/live/live-state.server";
import { listPresent, recordJoin, recordLeave } from "~/models/live/presence.server";
import { resolveRoomSelf } from "~/models/live/room-access.server";
import type { RoomSnapshot } from "~/live/protocol";
import type { LiveContext } from "./context";
import { LiveError } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler, noPayload } from "./handler";
import { broadcastPresence } from "./presence-broadcast";
import { channels } from "./rooms";

const id = z.string().min(1).max(64);
const roomKey = z.string().min(1).max(64);

// Set once the registry is loaded, to avoid a circular import between the room feature and the list of features.
let allFeatures: () => LiveFeature[] = () => [];
export function useFeatureRegistry(registry: () => LiveFeature[]) {
  allFeatures = registry;
}

/** Leaves the joined room, if any: channels, presence, and each feature's clean-up (a raised hand is lowered). */
export async function leaveRoom(ctx: LiveContext) {
  const joined = ctx.socket.data.joined;
  if (!joined) return;
  ctx.socket.data.joined = undefined;
  const { workshopId, room } = joined;
  await Promise.all([
    ctx.socket.leave(channels.room(workshopId, room)),
    ctx.socket.leave(channels.roomFacilitators(workshopId, room)),
    ctx.socket.leave(channels.workshop(workshopId)),
    ctx.socket.leave(channels.organisers(workshopId)),
  ]);
  if (joined.display) return;
  await recordLeave({ connectionId: ctx.socket.id });
  for (const feature of allFeatures()) {
    await feature.onLeave?.(ctx.io, { workshopId, room, userId: joined.self.userId });
  }
  await broadcastPresence(ctx.io, workshopId, room);
}

const join = defineHandler({
  event: "room:join",
  // `display`: the room's projector, opened by a facilitator: it follows the room but is nobody's presence.
  schema: z.object({ workshopId: id, room: roomKey, display: z.boolean().optional() }),
  async handle(ctx, { workshopId, room, display = false }): Promise<RoomSnapshot> {
    const self = await resolveRoomSelf({ workshopId, room, userId: ctx.socket.data.user.id });
    if (self === "notFound" || self === "forbidden") throw new LiveError(self);
    if (display && !self.isFacilitator) throw new LiveError("forbidden");
    await leaveRoom(ctx);
    // Kept here rather than re-read from the socket: a connection dropping mid-join clears the socket's copy.
    const joined = { workshopId, room, self: display ? { ...self, canParticipate: false } : self, display };
    ctx.socket.data.joined = joined;
    await ctx.socket.join([channels.room(workshopId, room), channels.workshop(workshopId)]);
    if (!display) {
      if (self.isFacilitator) await ctx.socket.join(channels.roomFacilitators(workshopId, room));
      if (self.isOrganiser) await ctx.socket.join(channels.organisers(workshopId));
      await recordJoin({ connectionId: ctx.socket.id, workshopId, room, userId: self.userId, mode: self.mode, nodeId: ctx.nodeId });
      // Gone while joining: its leave already ran, so undo the presence just written.
      if (ctx.socket.disconnected) await recordLeave({ connectionId: ctx.socket.id });
      await broadcastPresence(ctx.io, workshopId, room);
    }

    const featureStates = await Promise.all(
      allFeatures().map(async (feature) => [feature.name, feature.snapshot ? await feature.snapshot(joined) : null] as const),
    );
    const [present, agendaItem, stage] = await Promise.all([
      listPresent({ workshopId, room }),
      currentAgendaItem({ workshopId, room }),
      getStage({ workshopId }),
    ]);
    return {
      workshopId,
      room,
      self: joined.self,
      present,
      currentAgendaItem: agendaItem,
      stage,
      serverNow: Date.now(),
      features: Object.fromEntries(featureStates.filter(([, state]) => state !== null)),
    };
  },
});

const leave = defineHandler({
  event: "room:leave",
  schema: noPayload,
  async handle(ctx) {
    await leaveRoom(ctx);
  },
});

/** The server's clock, so countdowns show the same remaining time on every device. */
const timeSync = defineHandler({
  event: "time:sync",
  schema: noPayload,
  async handle() {
    return { serverNow: Date.now() };
  },
});

export const roomFeature: LiveFeature = { name: "room", handlers: [join, leave, timeSync] };
