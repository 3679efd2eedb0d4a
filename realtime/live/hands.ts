import { z } from "zod";
import { listHandQueue, lowerAllHands, lowerHand, lowerHandIfAbsent, raiseHand } from "~/models/live/hands.server";
import type { RoomKey } from "~/live/protocol";
import type { HandsState } from "~/live/tools-protocol";
import { requireFacilitator, requireParticipant, requireRoom, type LiveServer } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler, noPayload } from "./handler";
import { notifyConsole } from "./presence-broadcast";
import { channels } from "./rooms";

/** Everyone in the room (and the organisers' console) sees the queue as it is now, after every change. */
async function publishQueue(io: LiveServer, workshopId: string, room: RoomKey): Promise<HandsState> {
  const state = { queue: await listHandQueue({ workshopId, room }) };
  io.to(channels.room(workshopId, room)).emit("hand:queue" as never, state as never);
  notifyConsole(io, workshopId, room);
  return state;
}

const raise = defineHandler({
  event: "hand:raise",
  schema: noPayload,
  async handle(ctx) {
    const { workshopId, room, self } = requireParticipant(ctx);
    await raiseHand({ workshopId, room, userId: self.userId });
    return publishQueue(ctx.io, workshopId, room);
  },
});

const lower = defineHandler({
  event: "hand:lower",
  schema: z.union([noPayload, z.object({ userId: z.string().min(1).max(64).optional() }).strict()]),
  async handle(ctx, payload) {
    const { workshopId, room, self } = requireRoom(ctx);
    const userId = payload?.userId ?? self.userId;
    // Anyone lowers their own hand; only those who run the room lower someone else's. Lowering a hand that is not
    // raised changes nothing, so a retried request is harmless.
    if (userId !== self.userId && !self.isFacilitator) refuse("forbidden");
    await lowerHand({ workshopId, room, userId });
    return publishQueue(ctx.io, workshopId, room);
  },
});

const lowerAll = defineHandler({
  event: "hand:lowerAll",
  schema: noPayload,
  async handle(ctx) {
    const { workshopId, room } = requireFacilitator(ctx);
    await lowerAllHands({ workshopId, room });
    return publishQueue(ctx.io, workshopId, room);
  },
});

export const handsFeature: LiveFeature = {
  name: "hands",
  handlers: [raise, lower, lowerAll],
  async snapshot({ workshopId, room }): Promise<HandsState> {
    return { queue: await listHandQueue({ workshopId, room }) };
  },
  // Someone who left the room cannot be given the floor, so their hand goes down — but only once their last
  // connection to this room is gone: closing the laptop while following on the phone keeps their place. A short
  // network hiccup does not count as leaving, since socket.io only drops a connection after its heartbeat fails.
  async onLeave(io, { workshopId, room, userId }) {
    if (await lowerHandIfAbsent({ workshopId, room, userId })) await publishQueue(io, workshopId, room);
  },
};
