import { z } from "zod";
import {
  cancelHelpRequest,
  getOpenHelpRequest,
  listOpenHelpRequests,
  openHelpRequest,
  resolveHelpRequest,
} from "~/models/live/help.server";
import type { HelpRequestView, HelpState } from "~/live/tools-protocol";
import { requireOrganiser, requireRoom, type LiveServer } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler, noPayload } from "./handler";
import { notifyConsole } from "./presence-broadcast";
import { channels } from "./rooms";

/**
 * The person who called sees where their call stands on every device they use; the organisers, wherever they are,
 * get the list of calls still waiting.
 */
async function publish(io: LiveServer, workshopId: string, request: HelpRequestView) {
  io.to(channels.user(request.userId)).emit("help:state" as never, { request } as never);
  const open = await listOpenHelpRequests({ workshopId });
  io.to(channels.organisers(workshopId)).emit("help:requests" as never, { open } as never);
  notifyConsole(io, workshopId, request.room);
  return { request };
}

// Any member in a room may call, observers included: help is about being able to follow, not about speaking.
const request = defineHandler({
  event: "help:request",
  schema: noPayload,
  async handle(ctx) {
    const { workshopId, room, self } = requireRoom(ctx);
    return publish(ctx.io, workshopId, await openHelpRequest({ workshopId, room, userId: self.userId }));
  },
});

const cancel = defineHandler({
  event: "help:cancel",
  schema: noPayload,
  async handle(ctx) {
    const { workshopId, room, self } = requireRoom(ctx);
    const cancelled = await cancelHelpRequest({ workshopId, room, userId: self.userId });
    return cancelled ? publish(ctx.io, workshopId, cancelled) : { request: null };
  },
});

const resolve = defineHandler({
  event: "help:resolve",
  schema: z.object({ requestId: z.string().min(1).max(64) }).strict(),
  async handle(ctx, { requestId }) {
    const { workshopId, self } = requireOrganiser(ctx);
    const resolved = await resolveHelpRequest({ workshopId, requestId, resolvedById: self.userId });
    return publish(ctx.io, workshopId, resolved ?? refuse("notFound"));
  },
});

export const helpFeature: LiveFeature = {
  name: "help",
  handlers: [request, cancel, resolve],
  async snapshot({ workshopId, room, self }): Promise<HelpState> {
    const [mine, open] = await Promise.all([
      getOpenHelpRequest({ workshopId, room, userId: self.userId }),
      self.isOrganiser ? listOpenHelpRequests({ workshopId }) : [],
    ]);
    return { mine, open };
  },
};
