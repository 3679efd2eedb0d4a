import { Track, type Participant } from "livekit-client";
import type { CallDevice, CallPanelData } from "~/call/protocol";

/** What the person chose before joining; the call starts with it. */
export interface CallChoices {
  device: CallDevice;
  camera: boolean;
  microphone: boolean;
  cameraId: string | null;
  microphoneId: string | null;
  /** Play the call's sound on this device. */
  hear: boolean;
}

/**
 * Remote people join seen and heard. People in the room join silent, camera off and without the call's sound, so
 * that their phones neither echo the room nor feed it back; the room's laptop carries the room's sound instead.
 */
export function defaultChoices(call: Extract<CallPanelData, { configured: true }>, device: CallDevice = "personal"): CallChoices {
  const remote = device === "room" || call.mode === "REMOTE";
  return { device, camera: remote, microphone: remote, cameraId: null, microphoneId: null, hear: remote };
}

/** Whether the token's grants (as LiveKit applies them now) let this device publish that source. */
export function mayPublish(permissions: Participant["permissions"], source: Track.Source) {
  if (!permissions?.canPublish) return false;
  const allowed = permissions.canPublishSources;
  return allowed.length === 0 || allowed.includes(Track.sourceToProto(source));
}

/** Before connecting, from the page's data: whether this person will be able to publish camera and microphone. */
export function expectsToPublish(call: Extract<CallPanelData, { configured: true }>, device: CallDevice, participantsPublish: boolean) {
  return device === "room" || call.role === "facilitator" || (call.role === "participant" && participantsPublish);
}
