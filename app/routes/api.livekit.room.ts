import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import type { CallAction, CallRoomState } from "~/call/protocol";
import { isLiveKitRefusal, liveKitApi, recordingLocationOf, recordingStatusOf, type LiveKitApi } from "~/livekit/api.server";
import { callRoomName, parseCallIdentity } from "~/livekit/names";
import { NO_STORE, callError } from "~/livekit/responses.server";
import { requireCallRoom } from "~/livekit/room-request.server";
import { listCallRemovals, readmitToCall, recordCallRemoval, resolveCallAccess, setParticipantsPublish, type CallAccess } from "~/models/call.server";
import {
  createCallRecording,
  findRunningRecording,
  getCallRecording,
  listCallRecordings,
  recordingFilepath,
  updateCallRecording,
} from "~/models/call-recordings.server";

const text = z.string().trim().min(1).max(128);
const actionSchema: z.ZodType<CallAction> = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mute"), identity: text, trackSid: text }).strict(),
  z.object({ intent: z.literal("remove"), identity: text }).strict(),
  z.object({ intent: z.literal("readmit"), userId: text }).strict(),
  z.object({ intent: z.literal("publishing"), allow: z.boolean() }).strict(),
  z.object({ intent: z.literal("recordingStart") }).strict(),
  z.object({ intent: z.literal("recordingStop"), recordingId: text }).strict(),
]);

async function roomState(access: CallAccess): Promise<CallRoomState> {
  const [recordings, removed] = await Promise.all([
    listCallRecordings({ workshopId: access.workshopId, room: access.room, withLocation: access.isFacilitator }),
    access.isFacilitator ? listCallRemovals(access) : [],
  ]);
  return { participantsPublish: access.participantsPublish, recordings, removed };
}

/** `GET /api/livekit/room?sessionId=…`: the call's settings and recordings, for anyone who may join it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { access } = await requireCallRoom(request);
  return json(await roomState(access), { headers: NO_STORE });
}

const GONE = Symbol("gone");

/**
 * LiveKit's answer, or GONE when it refused because the participant, room or egress is not there (any more). No
 * answer, or another refusal, ends the request with `failure`.
 */
async function askLiveKit<T>(call: () => Promise<T>, failure: "unavailable" | "recordingUnavailable" = "unavailable"): Promise<T | typeof GONE> {
  try {
    return await call();
  } catch (error) {
    if (isLiveKitRefusal(error) && error.status === 404) return GONE;
    console.error("livekit: request failed:", error);
    callError(failure);
  }
}

async function perform(api: LiveKitApi, access: CallAccess, action: CallAction) {
  const roomName = callRoomName(access);
  const { workshopId, room, userId: actorId } = access;
  switch (action.intent) {
    case "mute":
      if ((await askLiveKit(() => api.muteTrack(roomName, action.identity, action.trackSid))) === GONE) callError("notFound");
      return;
    case "remove": {
      const { userId } = parseCallIdentity(action.identity);
      const target = await resolveCallAccess({ sessionId: room, workshopId, userId });
      if (!target.ok) callError("notFound");
      if (target.access.isFacilitator) callError("notRemovable");
      // Someone already gone is kept out all the same: they would otherwise be back with their next token.
      await askLiveKit(() => api.removeParticipant(roomName, action.identity));
      await recordCallRemoval({ workshopId, room, userId, actorId });
      return;
    }
    case "readmit":
      if (!(await readmitToCall({ workshopId, room, userId: action.userId, actorId }))) callError("notFound");
      return;
    case "publishing": {
      // A room nobody is in does not exist in LiveKit: nobody to update, the setting applies to the next tokens.
      const participants = await askLiveKit(() => api.listParticipants(roomName));
      for (const participant of participants === GONE ? [] : participants) {
        const { device } = parseCallIdentity(participant.identity);
        if (device === "personal" && participant.attributes.role === "participant") {
          await askLiveKit(() => api.setPublishing(roomName, participant.identity, action.allow));
        }
      }
      await setParticipantsPublish({ workshopId, room, allow: action.allow, actorId });
      access.participantsPublish = action.allow;
      return;
    }
    case "recordingStart": {
      if (await findRunningRecording(access)) callError("recordingActive");
      const filepath = recordingFilepath({ workshopId, room, at: new Date() });
      const info = await askLiveKit(() => api.startRecording(roomName, filepath), "recordingUnavailable");
      if (info === GONE) callError("recordingUnavailable");
      await createCallRecording({ workshopId, room, egressId: info.egressId, status: recordingStatusOf(info), startedById: actorId });
      return;
    }
    case "recordingStop": {
      const recording = await getCallRecording({ workshopId, room, recordingId: action.recordingId });
      if (!recording) callError("notFound");
      // LiveKit no longer knowing the egress means it ended on its own: stopped all the same.
      const info = await askLiveKit(() => api.stopRecording(recording.egressId));
      await updateCallRecording({
        egressId: recording.egressId,
        status: info === GONE ? "ENDED" : recordingStatusOf(info),
        location: info === GONE ? null : recordingLocationOf(info),
        stoppedById: actorId,
      });
      return;
    }
  }
}

/**
 * `POST /api/livekit/room?sessionId=…` with a JSON CallAction: what the facilitators of this room (and organisers)
 * do to its call. Anyone else gets 403 and nothing reaches LiveKit.
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") callError("invalidRequest");
  const { config, access } = await requireCallRoom(request);
  if (!access.isFacilitator) callError("forbidden");
  // JSON only: a cross-site form cannot send it without the browser asking this server first (CORS), which it refuses.
  if (!request.headers.get("Content-Type")?.startsWith("application/json")) callError("invalidRequest");
  const parsed = actionSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) callError("invalidRequest");
  await perform(liveKitApi(config), access, parsed.data);
  return json(await roomState(access), { headers: NO_STORE });
}
