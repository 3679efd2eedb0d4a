import {
  ParticipantPlaceholder,
  TrackMutedIndicator,
  VideoTrack,
  isTrackReference,
  useConnectionQualityIndicator,
  useIsSpeaking,
  useParticipantTile,
  type TrackReferenceOrPlaceholder,
} from "@livekit/components-react";
import { Track, type Participant } from "livekit-client";
import { useTranslation } from "react-i18next";
import { callAttributes } from "./participants";

/** How well this person's connection carries the call, in words as well as bars. */
export function CallQuality({ participant }: { participant: Participant }) {
  const { t } = useTranslation("call");
  const { quality } = useConnectionQualityIndicator({ participant });
  return (
    <span className={`call-quality call-quality--${quality}`}>
      <span aria-hidden="true" className="call-quality__bars">
        <span />
        <span />
        <span />
      </span>
      <span className="visually-hidden">{t(`quality.${quality}`)}</span>
    </span>
  );
}

/** One person's camera (or a placeholder) or a shared screen, with their name, microphone and connection. */
export function CallTile({ trackRef, className = "" }: { trackRef: TrackReferenceOrPlaceholder; className?: string }) {
  const { t } = useTranslation("call");
  const { elementProps } = useParticipantTile<HTMLDivElement>({ trackRef, htmlProps: { className: `call-tile ${className}` } });
  const participant = trackRef.participant;
  const attributes = callAttributes(participant);
  const screen = trackRef.source === Track.Source.ScreenShare;
  const name = participant.name || participant.identity;
  const speaking = useIsSpeaking(participant);
  return (
    <div {...elementProps} data-testid="call-tile">
      {isTrackReference(trackRef) ? <VideoTrack trackRef={trackRef} /> : null}
      <div className="lk-participant-placeholder">
        <ParticipantPlaceholder aria-hidden="true" />
      </div>
      <div className="call-tile__meta">
        <span className="call-tile__name">
          {screen ? null : <TrackMutedIndicator trackRef={{ participant, source: Track.Source.Microphone }} show="muted" aria-hidden="true" />}
          {!screen && speaking ? <span className="visually-hidden">{t("tile.speaking")}</span> : null}
          <span dir="auto">{screen ? t("tile.screenOf", { name }) : name}</span>
          {participant.isLocal ? <span className="call-badge">{t("tile.you")}</span> : null}
          {attributes.device === "room" ? <span className="call-badge">{t("tile.room")}</span> : null}
        </span>
        {screen ? null : <CallQuality participant={participant} />}
      </div>
    </div>
  );
}
