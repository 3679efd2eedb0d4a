import { TrackToggle, useLocalParticipantPermissions, useRoomContext } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useEffect, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { mayPublish } from "./choices";

function canShareScreen() {
  return typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getDisplayMedia);
}

/**
 * The call's buttons, each a toggle that says its state (aria-pressed). Camera, microphone and screen appear only
 * when LiveKit lets this device publish them, and follow a facilitator's change at once.
 */
export function CallControls({
  view,
  onView,
  hear,
  onHear,
  stage,
  onLeave,
}: {
  view: "grid" | "speaker";
  onView: (view: "grid" | "speaker") => void;
  hear: boolean;
  onHear: (hear: boolean) => void;
  /** The room's laptop shows the call full screen on the projector. */
  stage: RefObject<HTMLElement> | null;
  onLeave: () => void;
}) {
  const { t } = useTranslation("call");
  const room = useRoomContext();
  const permissions = useLocalParticipantPermissions();
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  return (
    <div className="call-controls" role="group" aria-label={t("controls.label")}>
      {mayPublish(permissions, Track.Source.Microphone) ? (
        <TrackToggle source={Track.Source.Microphone} className="button call-toggle">
          {t("controls.microphone")}
        </TrackToggle>
      ) : null}
      {mayPublish(permissions, Track.Source.Camera) ? (
        <TrackToggle source={Track.Source.Camera} className="button call-toggle">
          {t("controls.camera")}
        </TrackToggle>
      ) : null}
      {mayPublish(permissions, Track.Source.ScreenShare) && canShareScreen() ? (
        <TrackToggle source={Track.Source.ScreenShare} captureOptions={{ audio: true }} className="button call-toggle">
          {t("controls.screen")}
        </TrackToggle>
      ) : null}
      <button type="button" className="button call-toggle" aria-pressed={hear} onClick={() => onHear(!hear)}>
        {t("controls.hear")}
      </button>
      <button type="button" className="button call-toggle" aria-pressed={view === "speaker"} onClick={() => onView(view === "speaker" ? "grid" : "speaker")}>
        {t("controls.speakerView")}
      </button>
      {stage ? (
        <button
          type="button"
          className="button call-toggle"
          aria-pressed={fullScreen}
          onClick={() => void (fullScreen ? document.exitFullscreen() : stage.current?.requestFullscreen())}
        >
          {t("controls.fullScreen")}
        </button>
      ) : null}
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          void room.disconnect();
          onLeave();
        }}
      >
        {t("controls.leave")}
      </button>
    </div>
  );
}
