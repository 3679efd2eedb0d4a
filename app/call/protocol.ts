/**
 * What the call panel and the app's LiveKit routes say to each other, and what the app writes into every call token
 * so that each browser can tell who is who in the call. Shared by both sides.
 */
import { PLENARY, type RoomKey } from "~/live/protocol";

/** How a person takes part in a room's call; decided on the server from their role (docs/decisions). */
export type CallRole = "facilitator" | "participant" | "listener";

/** A person's own phone or laptop, or the laptop carrying the room's camera and microphone. */
export type CallDevice = "personal" | "room";

/** Participant attributes the app puts in every token (LiveKit shows them to everyone in the call). */
export interface CallAttributes {
  role: CallRole;
  device: CallDevice;
  mode: "IN_PERSON" | "REMOTE";
  /** The person's user id (the identity of a room device is not a bare user id). */
  userId: string;
}

/** `GET /api/livekit/token`: enough to connect, nothing more. */
export interface CallTokenAnswer {
  serverUrl: string;
  roomName: string;
  token: string;
}

/** Why a call route refused, translated in the browser as `call:errors.<code>`. */
export const CALL_ERRORS = [
  "notConfigured",
  "unauthenticated",
  "forbidden",
  "notFound",
  "removed",
  "invalidRequest",
  "invalidSignature",
  "notRemovable",
  "recordingActive",
  "recordingUnavailable",
  "unavailable",
  "network",
] as const;
export type CallErrorCode = (typeof CALL_ERRORS)[number];

export interface CallErrorAnswer {
  error: CallErrorCode;
  message: string;
}

export type CallRecordingStatus = "STARTING" | "ACTIVE" | "ENDED" | "FAILED";

export interface CallRecordingView {
  id: string;
  status: CallRecordingStatus;
  startedAt: string;
  endedAt: string | null;
  startedBy: string | null;
  /** Where the file is, for facilitators only. */
  location: string | null;
}

/** `GET /api/livekit/room`: the room's call settings and recordings; who was removed, for facilitators. */
export interface CallRoomState {
  participantsPublish: boolean;
  recordings: CallRecordingView[];
  removed: Array<{ userId: string; name: string }>;
}

/** What `POST /api/livekit/room` accepts (JSON), always with the room addressed as for the token. */
export type CallAction =
  | { intent: "mute"; identity: string; trackSid: string }
  | { intent: "remove"; identity: string }
  | { intent: "readmit"; userId: string }
  | { intent: "publishing"; allow: boolean }
  | { intent: "recordingStart" }
  | { intent: "recordingStop"; recordingId: string };

/**
 * How the routes address a room: a session by its id, the plenary by `sessionId=plenary` with its `workshopId`.
 */
export function callRoomQuery({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  return new URLSearchParams(room === PLENARY ? { workshopId, sessionId: PLENARY } : { workshopId, sessionId: room });
}

/** What the live page tells its call panel: only whether video is set up, and this person's place in the call. */
export type CallPanelData =
  | { configured: false }
  | { configured: true; role: CallRole; isFacilitator: boolean; mode: "IN_PERSON" | "REMOTE"; participantsPublish: boolean };
