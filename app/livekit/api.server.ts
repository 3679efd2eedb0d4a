import {
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  TwirpError,
  type EgressInfo,
} from "livekit-server-sdk";
import type { CallRecordingStatus } from "~/call/protocol";
import type { LiveKitConfig } from "./config.server";
import { PARTICIPANT_SOURCES } from "./tokens.server";

/**
 * Every call the app makes to LiveKit's server API (Twirp over HTTP at LIVEKIT_URL), in one place, so that tests can
 * point it at a stand-in server. Everything is scoped to one room name that the caller derived from a session it
 * checked: nothing here decides who may do what.
 */
export function liveKitApi(config: LiveKitConfig) {
  const rooms = new RoomServiceClient(config.url, config.apiKey, config.apiSecret);
  const egress = new EgressClient(config.url, config.apiKey, config.apiSecret);
  return {
    muteTrack: (roomName: string, identity: string, trackSid: string) => rooms.mutePublishedTrack(roomName, identity, trackSid, true),

    /** Disconnects them and voids the tokens they hold, so their browser cannot quietly reconnect. */
    removeParticipant: (roomName: string, identity: string) =>
      rooms.removeParticipant(roomName, identity, { revokeTokenTs: BigInt(Math.floor(Date.now() / 1000)) }),

    listParticipants: (roomName: string) => rooms.listParticipants(roomName),

    /** Gives or takes back camera and microphone; LiveKit unpublishes what they may no longer publish. */
    setPublishing: (roomName: string, identity: string, allow: boolean) =>
      rooms.updateParticipant(roomName, identity, {
        permission: { canSubscribe: true, canPublishData: false, canPublish: allow, canPublishSources: allow ? PARTICIPANT_SOURCES : [] },
      }),

    /** The room as everyone sees it (grid layout), into one MP4 file in the storage LiveKit egress is set up with. */
    startRecording: (roomName: string, filepath: string) =>
      egress.startRoomCompositeEgress(roomName, { file: new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath }) }, { layout: "grid" }),

    stopRecording: (egressId: string) => egress.stopEgress(egressId),
  };
}

export type LiveKitApi = ReturnType<typeof liveKitApi>;

/** LiveKit answered with an error (as opposed to not answering at all). */
export function isLiveKitRefusal(error: unknown): error is TwirpError {
  return error instanceof TwirpError;
}

/** Our status of a recording from LiveKit's egress status. */
export function recordingStatusOf(info: Pick<EgressInfo, "status">): CallRecordingStatus {
  switch (info.status) {
    case EgressStatus.EGRESS_STARTING:
      return "STARTING";
    case EgressStatus.EGRESS_ACTIVE:
      return "ACTIVE";
    // Ending means the file is being finalised and uploaded: the recording itself has stopped.
    case EgressStatus.EGRESS_ENDING:
    case EgressStatus.EGRESS_COMPLETE:
      return "ENDED";
    default:
      return "FAILED";
  }
}

/** Where the egress put the file, once it says so. */
export function recordingLocationOf(info: Pick<EgressInfo, "fileResults">): string | null {
  return info.fileResults.find((file) => file.location)?.location ?? null;
}
