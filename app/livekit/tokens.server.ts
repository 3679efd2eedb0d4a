import { AccessToken, TrackSource, type VideoGrant } from "livekit-server-sdk";
import type { CallAttributes, CallDevice, CallRole } from "~/call/protocol";
import type { LiveKitConfig } from "./config.server";
import { callIdentity } from "./names";

/** A call token opens the door once: LiveKit refreshes the connection's own token while it stays connected. */
export const CALL_TOKEN_TTL_SECONDS = 10 * 60;

/** What participants publish when their room allows it: themselves, not a screen (facilitators present). */
export const PARTICIPANT_SOURCES = [TrackSource.CAMERA, TrackSource.MICROPHONE];
const PRESENTER_SOURCES = [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO];

/**
 * The LiveKit grant for one room by role: facilitators publish anything and moderate the room; participants publish
 * camera and microphone when the room allows it; listeners (observers, committee members) only subscribe. The room
 * laptop publishes what a presenter does. Nobody publishes data: the app's chat and tools run over its own socket.
 */
export function callGrant({
  roomName,
  role,
  device,
  participantsPublish,
}: {
  roomName: string;
  role: CallRole;
  device: CallDevice;
  participantsPublish: boolean;
}): VideoGrant {
  const base: VideoGrant = { roomJoin: true, room: roomName, canSubscribe: true, canPublishData: false };
  if (device === "room") return { ...base, canPublish: true, canPublishSources: PRESENTER_SOURCES };
  switch (role) {
    case "facilitator":
      return { ...base, canPublish: true, canPublishSources: PRESENTER_SOURCES, roomAdmin: true };
    case "participant":
      return participantsPublish ? { ...base, canPublish: true, canPublishSources: PARTICIPANT_SOURCES } : { ...base, canPublish: false };
    case "listener":
      return { ...base, canPublish: false };
  }
}

/** A signed token for one person (or the room's laptop) in one room, valid for CALL_TOKEN_TTL_SECONDS. */
export async function mintCallToken({
  config,
  roomName,
  name,
  attributes,
  participantsPublish,
}: {
  config: LiveKitConfig;
  roomName: string;
  name: string;
  attributes: CallAttributes;
  participantsPublish: boolean;
}) {
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity: callIdentity({ userId: attributes.userId, device: attributes.device }),
    name,
    ttl: CALL_TOKEN_TTL_SECONDS,
    attributes: { ...attributes },
  });
  token.addGrant(callGrant({ roomName, role: attributes.role, device: attributes.device, participantsPublish }));
  return token.toJwt();
}
