import { isMutedInChat } from "~/models/live/chat.server";
import { requireParticipant, type JoinedRoom, type LiveContext } from "./context";
import { refuse } from "./errors";

/** Who may write in the chat or ask a question: participants, unless a facilitator muted them in this workshop. */
export async function requireVoice(ctx: LiveContext): Promise<JoinedRoom> {
  const joined = requireParticipant(ctx);
  if (await isMutedInChat({ workshopId: joined.workshopId, userId: joined.self.userId })) refuse("muted");
  return joined;
}
