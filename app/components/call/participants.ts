import type { Participant } from "livekit-client";
import type { CallAttributes } from "~/call/protocol";

/** What the app's token says of this participant; anyone who did not get a token from us is a plain participant. */
export function callAttributes(participant: Participant): CallAttributes {
  const { role, device, mode, userId } = participant.attributes;
  return {
    role: role === "facilitator" || role === "listener" ? role : "participant",
    device: device === "room" ? "room" : "personal",
    mode: mode === "IN_PERSON" ? "IN_PERSON" : "REMOTE",
    userId: userId ?? participant.identity,
  };
}

/** On the room's projector: the people who are not in the room (the room sees itself). */
export function shownOnProjector(participant: Participant) {
  const attributes = callAttributes(participant);
  return !participant.isLocal && !(attributes.device === "personal" && attributes.mode === "IN_PERSON") && attributes.device !== "room";
}
