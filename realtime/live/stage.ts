import { z } from "zod";
import { PLENARY, type AgendaItemView } from "~/live/protocol";
import { currentAgendaItem, listRoomAgenda, setCurrentAgendaItem, setStage } from "~/models/live/live-state.server";
import { liveRoomPath, parallelDestinations } from "~/models/live/moves.server";
import { getWorkshop } from "~/models/workshop.server";
import { requireFacilitator, requireOrganiser } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler } from "./handler";
import { notifyConsole } from "./presence-broadcast";
import { channels } from "./rooms";

/**
 * Plenary or parallel sessions: organisers switch the whole workshop, and everyone connected is sent where they
 * belong (the plenary, or their own session). People who connect later read the stage from their snapshot.
 */
const setWorkshopStage = defineHandler({
  event: "stage:set",
  schema: z.object({ stage: z.enum(["PLENARY", "PARALLEL"]) }).strict(),
  async handle(ctx, { stage }) {
    const { workshopId } = requireOrganiser(ctx);
    await setStage({ workshopId, stage });
    const everyone = ctx.io.to(channels.workshop(workshopId));
    everyone.emit("stage:changed" as never, { stage } as never);
    if (stage === "PLENARY") {
      everyone.emit("live:navigate" as never, { to: liveRoomPath(workshopId, PLENARY) } as never);
    } else {
      // Per person rather than per room: the people of one session are spread over every room when it starts.
      for (const { userId, room } of await parallelDestinations({ workshopId })) {
        ctx.io.to(channels.user(userId)).emit("live:navigate" as never, { to: liveRoomPath(workshopId, room) } as never);
      }
    }
    notifyConsole(ctx.io, workshopId, PLENARY);
    return { stage };
  },
});

/** A facilitator marks what the room is on now (null: follow the clock). */
const setCurrent = defineHandler({
  event: "agenda:setCurrent",
  schema: z.object({ agendaItemId: z.string().min(1).max(64).nullable() }).strict(),
  async handle(ctx, { agendaItemId }) {
    const { workshopId, room } = requireFacilitator(ctx);
    if (!(await setCurrentAgendaItem({ workshopId, room, agendaItemId }))) refuse("notFound");
    const item = await currentAgendaItem({ workshopId, room });
    ctx.io.to(channels.room(workshopId, room)).emit("agenda:current" as never, { item } as never);
    notifyConsole(ctx.io, workshopId, room);
    return { item };
  },
});

export const stageFeature: LiveFeature = {
  name: "stage",
  handlers: [setWorkshopStage, setCurrent],
  // The room's agenda, for its facilitators to pick the current item, with the time zone its times are shown in.
  async snapshot({ workshopId, room, self }): Promise<{ agenda: AgendaItemView[]; timezone: string } | null> {
    if (!self.isFacilitator) return null;
    const [agenda, workshop] = await Promise.all([listRoomAgenda({ workshopId, room }), getWorkshop({ workshopId })]);
    return { agenda, timezone: workshop?.timezone ?? "UTC" };
  },
};
