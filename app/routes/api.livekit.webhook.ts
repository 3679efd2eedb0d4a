import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { recordingLocationOf, recordingStatusOf } from "~/livekit/api.server";
import { getLiveKitConfig } from "~/livekit/config.server";
import { NO_STORE, callError } from "~/livekit/responses.server";
import { receiveWebhook } from "~/livekit/webhooks.server";
import { recordCallAttendance } from "~/models/call-attendance.server";
import { updateCallRecording } from "~/models/call-recordings.server";

/**
 * `POST /api/livekit/webhook`, the address to give LiveKit for its webhooks: people joining and leaving a room's
 * call become attendance (source VIDEO), and egress reports follow the room's recordings. A delivery whose
 * signature is missing, wrong or expired is refused with 401 and changes nothing.
 */
export async function action({ request }: ActionFunctionArgs) {
  const config = getLiveKitConfig();
  if (!config) callError("notConfigured");
  // The signature covers the exact bytes LiveKit sent: read them raw, before anything parses them.
  const body = await request.text();
  const event = await receiveWebhook({ config, body, authorization: request.headers.get("Authorization") });
  if (!event) callError("invalidSignature");

  const at = event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date();
  if ((event.event === "participant_joined" || event.event === "participant_left") && event.room && event.participant) {
    const outcome = await recordCallAttendance({
      eventId: event.id,
      roomName: event.room.name,
      identity: event.participant.identity,
      kind: event.event === "participant_joined" ? "JOIN" : "LEAVE",
      at,
    });
    return json({ ok: true, outcome }, { headers: NO_STORE });
  }
  if (event.event.startsWith("egress_") && event.egressInfo) {
    const info = event.egressInfo;
    const known = await updateCallRecording({ egressId: info.egressId, status: recordingStatusOf(info), location: recordingLocationOf(info), error: info.error || null });
    return json({ ok: true, outcome: known ? "recorded" : "ignored" }, { headers: NO_STORE });
  }
  return json({ ok: true, outcome: "ignored" }, { headers: NO_STORE });
}
