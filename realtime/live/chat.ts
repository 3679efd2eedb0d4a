import { z } from "zod";
import { listRooms } from "~/models/live/room-access.server";
import {
  deleteChatMessage,
  getWorkshopTimezone,
  listChatHistory,
  listMutedUserIds,
  sendChatMessage,
  setChatMute,
} from "~/models/live/chat.server";
import { CHAT_BODY_MAX, CLIENT_ID_MAX, type ChatMessageView, type ChatMuteChange, type ChatSnapshot } from "~/live/chat";
import { requireFacilitator, requireOrganiser } from "./context";
import { refuse } from "./errors";
import type { LiveFeature } from "./feature";
import { defineHandler } from "./handler";
import { channels } from "./rooms";
import { requireVoice } from "./voice";

const id = z.string().min(1).max(64);
const clientId = z.string().min(1).max(CLIENT_ID_MAX);
const message = z.object({ clientId, body: z.string().trim().min(1).max(CHAT_BODY_MAX) });

const send = defineHandler({
  event: "chat:send",
  schema: message,
  async handle(ctx, { clientId, body }): Promise<ChatMessageView> {
    const { workshopId, room, self } = await requireVoice(ctx);
    const sent = (await sendChatMessage({ workshopId, room, authorId: self.userId, clientId, body })) ?? refuse("invalidPayload");
    if (sent.created) ctx.io.to(channels.room(workshopId, room)).emit("chat:message" as never, sent.message as never);
    return sent.message;
  },
});

/** The organisers' message to every room at once (their console sends it from whichever room it joined). */
const broadcast = defineHandler({
  event: "chat:broadcast",
  schema: message,
  async handle(ctx, { clientId, body }): Promise<ChatMessageView> {
    const { workshopId, room, self } = requireOrganiser(ctx);
    const sent =
      (await sendChatMessage({ workshopId, room, authorId: self.userId, clientId, body, broadcast: true })) ?? refuse("invalidPayload");
    if (sent.created) ctx.io.to(channels.workshop(workshopId)).emit("chat:message" as never, sent.message as never);
    return sent.message;
  },
});

const remove = defineHandler({
  event: "chat:delete",
  schema: z.object({ messageId: id }),
  async handle(ctx, { messageId }) {
    const { workshopId, room, self } = requireFacilitator(ctx);
    const deleted = (await deleteChatMessage({ workshopId, room, messageId, deletedById: self.userId })) ?? refuse("notFound");
    // A deleted broadcast disappears from every room, as it was shown in every room.
    const audience = deleted.broadcast ? channels.workshop(workshopId) : channels.room(workshopId, room);
    ctx.io.to(audience).emit("chat:deleted" as never, { messageId } as never);
    return { messageId };
  },
});

function muteHandler(event: "chat:mute" | "chat:unmute", muted: boolean) {
  return defineHandler({
    event,
    schema: z.object({ userId: id }),
    async handle(ctx, { userId }): Promise<ChatMuteChange> {
      const { workshopId, self } = requireFacilitator(ctx);
      const outcome = await setChatMute({ workshopId, userId, muted, mutedById: self.userId });
      if (outcome !== "ok") refuse(outcome);
      // A mute holds in the whole workshop: the person on every device, and the facilitators of every room.
      const rooms = await listRooms({ workshopId });
      const change: ChatMuteChange = { userId, muted };
      ctx.io
        .to([channels.user(userId), ...rooms.map((r) => channels.roomFacilitators(workshopId, r.key))])
        .emit("chat:muted" as never, change as never);
      return change;
    },
  });
}

export const chatFeature: LiveFeature = {
  name: "chat",
  handlers: [send, broadcast, remove, muteHandler("chat:mute", true), muteHandler("chat:unmute", false)],
  async snapshot({ workshopId, room, self, display }): Promise<ChatSnapshot> {
    const [messages, mutedUserIds, timezone] = await Promise.all([
      listChatHistory({ workshopId, room }),
      listMutedUserIds({ workshopId }),
      getWorkshopTimezone({ workshopId }),
    ]);
    return {
      messages,
      muted: mutedUserIds.includes(self.userId),
      // Not on a projector: the room's screen is no place to show who was muted.
      mutedUserIds: self.isFacilitator && !display ? mutedUserIds : [],
      timezone,
    };
  },
};
