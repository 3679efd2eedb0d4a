import { z } from "zod";
import { getConsoleSummary } from "~/models/live/console.server";
import { liveRoomPath, moveParticipant } from "~/models/live/moves.server";
import { requireOrganiser } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler, noPayload } from "./handler";
import { notifyConsole } from "./presence-broadcast";
import { channels } from "./rooms";

const id = z.string().min(1).max(64);

/** Every room of the workshop at once; the console asks again whenever it hears `console:changed`. */
const summary = defineHandler({
  event: "console:summary",
  schema: noPayload,
  async handle(ctx) {
    const { workshopId } = requireOrganiser(ctx);
    return getConsoleSummary({ workshopId });
  },
});

/** Sends a member to another room; every device of theirs follows, wherever it is connected. */
const move = defineHandler({
  event: "participant:move",
  schema: z.object({ userId: id, toRoom: id }).strict(),
  async handle(ctx, { userId, toRoom }) {
    const { workshopId, self } = requireOrganiser(ctx);
    const outcome = await moveParticipant({ workshopId, userId, toRoom, movedById: self.userId });
    if (!outcome.ok) refuse(outcome.reason);
    const to = liveRoomPath(workshopId, toRoom);
    ctx.io.to(channels.user(userId)).emit("live:navigate" as never, { to } as never);
    notifyConsole(ctx.io, workshopId, toRoom);
    return { to };
  },
});

export const consoleFeature: LiveFeature = { name: "console", handlers: [summary, move] };
