import { useParticipants } from "@livekit/components-react";
import { Track, type Participant } from "livekit-client";
import { useTranslation } from "react-i18next";
import type { CallRoomControls } from "~/call/use-call-room-state";
import { callAttributes } from "./participants";

function ParticipantRow({ participant, controls }: { participant: Participant; controls: CallRoomControls }) {
  const { t } = useTranslation("call");
  const attributes = callAttributes(participant);
  const microphone = participant.getTrackPublication(Track.Source.Microphone);
  const name = participant.name || participant.identity;
  const live = microphone && !microphone.isMuted;
  return (
    <li className="call-people__item">
      <span className="call-people__who">
        <span dir="auto">{name}</span> <span className="badge badge--muted">{t(`roles.${attributes.device === "room" ? "room" : attributes.role}`)}</span>{" "}
        <span className="muted">{live ? t("people.microphoneOn") : t("people.microphoneOff")}</span>
      </span>
      <span className="call-people__actions">
        {live && microphone.trackSid ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={controls.pending}
            aria-label={t("people.muteLabel", { name })}
            onClick={() => void controls.act({ intent: "mute", identity: participant.identity, trackSid: microphone.trackSid })}
          >
            {t("people.mute")}
          </button>
        ) : null}
        {attributes.role !== "facilitator" && attributes.device === "personal" ? (
          <button
            type="button"
            className="button button--danger"
            disabled={controls.pending}
            aria-label={t("people.removeLabel", { name })}
            onClick={() => {
              if (window.confirm(t("people.removeConfirm", { name }))) void controls.act({ intent: "remove", identity: participant.identity });
            }}
          >
            {t("people.remove")}
          </button>
        ) : null}
      </span>
    </li>
  );
}

/** For the room's facilitators: everyone in the call, to mute a forgotten microphone or remove someone. */
export function CallParticipants({ controls }: { controls: CallRoomControls }) {
  const { t } = useTranslation("call");
  const others = useParticipants().filter((participant) => !participant.isLocal);
  return (
    <div className="call-people">
      <h3>{t("people.title", { count: others.length })}</h3>
      {others.length === 0 ? (
        <p className="muted">{t("people.none")}</p>
      ) : (
        <ul className="call-people__list">
          {others.map((participant) => (
            <ParticipantRow key={participant.identity} participant={participant} controls={controls} />
          ))}
        </ul>
      )}
    </div>
  );
}
