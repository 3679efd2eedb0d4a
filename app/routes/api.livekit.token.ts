import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { CallTokenAnswer } from "~/call/protocol";
import { callRoomName } from "~/livekit/names";
import { NO_STORE, callError } from "~/livekit/responses.server";
import { requireCallRoom } from "~/livekit/room-request.server";
import { mintCallToken } from "~/livekit/tokens.server";
import { isRemovedFromCall } from "~/models/call.server";

/**
 * `GET /api/livekit/token?sessionId=<id>` (the plenary: `sessionId=plenary&workshopId=<id>`), optionally with
 * `device=room` for the laptop that carries the room's camera and microphone (facilitators only): a LiveKit token
 * for the signed-in user and that room only, with the grants of their role there.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { config, access } = await requireCallRoom(request);
  const device = new URL(request.url).searchParams.get("device") ?? "personal";
  if (device !== "personal" && device !== "room") callError("invalidRequest");
  if (device === "room" && !access.isFacilitator) callError("forbidden");
  if (await isRemovedFromCall(access)) callError("removed");
  const roomName = callRoomName(access);
  const token = await mintCallToken({
    config,
    roomName,
    name: device === "room" ? (access.roomLabel ?? access.name) : access.name,
    attributes: { role: access.role, device, mode: device === "room" ? "IN_PERSON" : access.mode, userId: access.userId },
    participantsPublish: access.participantsPublish,
  });
  return json<CallTokenAnswer>({ serverUrl: config.url, roomName, token }, { headers: NO_STORE });
}
