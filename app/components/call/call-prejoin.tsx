import { useMediaDevices, usePreviewTracks, useTrackVolume } from "@livekit/components-react";
import { Track, type LocalAudioTrack, type LocalVideoTrack } from "livekit-client";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallPanelData } from "~/call/protocol";
import { defaultChoices, expectsToPublish, type CallChoices } from "./choices";

type Call = Extract<CallPanelData, { configured: true }>;

/** Camera and microphone need a secure page (HTTPS or localhost); subscribing to others does not. */
function mediaAvailable() {
  return typeof window !== "undefined" && window.isSecureContext && Boolean(navigator.mediaDevices?.getUserMedia);
}

function DeviceSelect({ kind, label, value, onChange }: { kind: "videoinput" | "audioinput"; label: string; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation("call");
  const id = useId();
  const devices = useMediaDevices({ kind }).filter((device) => device.deviceId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? devices[0]?.deviceId ?? ""} onChange={(event) => onChange(event.target.value)}>
        {devices.length === 0 ? <option value="">{t("prejoin.noDevice")}</option> : null}
        {devices.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t(kind === "videoinput" ? "prejoin.cameraN" : "prejoin.microphoneN", { n: index + 1 })}
          </option>
        ))}
      </select>
    </div>
  );
}

function MicrophoneLevel({ track }: { track: LocalAudioTrack }) {
  const { t } = useTranslation("call");
  const id = useId();
  const level = useTrackVolume(track);
  return (
    <div className="call-prejoin__level">
      <span id={id}>{t("prejoin.level")}</span>
      <meter aria-labelledby={id} min={0} max={1} value={Math.min(1, level * 4)} />
    </div>
  );
}

function Preview({ track }: { track: LocalVideoTrack | undefined }) {
  const { t } = useTranslation("call");
  const videoRef = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = videoRef.current;
    if (!track || !element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return (
    <div className="call-prejoin__preview">
      {track ? <video ref={videoRef} muted playsInline aria-label={t("prejoin.preview")} /> : <p className="muted">{t("prejoin.cameraOff")}</p>}
    </div>
  );
}

/**
 * Before joining: which camera and microphone, seen and heard locally first (nothing leaves the device yet), and
 * whether this device is the room's laptop. The preview runs only while the panel is shown.
 */
export function CallPrejoin({
  call,
  choices,
  participantsPublish,
  active,
  onChange,
  onJoin,
}: {
  call: Call;
  choices: CallChoices;
  participantsPublish: boolean;
  active: boolean;
  onChange: (choices: CallChoices) => void;
  onJoin: () => void;
}) {
  const { t } = useTranslation("call");
  const [previewError, setPreviewError] = useState(false);
  const canPublish = expectsToPublish(call, choices.device, participantsPublish);
  const media = canPublish && mediaAvailable();
  const tracks = usePreviewTracks(
    {
      video: media && active && choices.camera ? { deviceId: choices.cameraId ?? undefined } : false,
      audio: media && active && choices.microphone ? { deviceId: choices.microphoneId ?? undefined } : false,
    },
    () => setPreviewError(true),
  );
  const videoTrack = tracks?.find((track) => track.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
  const audioTrack = tracks?.find((track) => track.kind === Track.Kind.Audio) as LocalAudioTrack | undefined;
  const set = (change: Partial<CallChoices>) => {
    setPreviewError(false);
    onChange({ ...choices, ...change });
  };

  return (
    <form
      className="call-prejoin"
      aria-label={t("prejoin.title")}
      onSubmit={(event) => {
        event.preventDefault();
        onJoin();
      }}
    >
      {call.isFacilitator ? (
        <label className="choice choice--card">
          <input
            type="checkbox"
            checked={choices.device === "room"}
            onChange={(event) => onChange(defaultChoices(call, event.target.checked ? "room" : "personal"))}
          />
          <span>
            <strong>{t("prejoin.roomDevice")}</strong>
            <span className="choice__detail">{t("prejoin.roomDeviceHint")}</span>
          </span>
        </label>
      ) : null}
      {choices.device === "personal" && call.mode === "IN_PERSON" ? <p className="alert alert--info">{t("prejoin.inPersonHint")}</p> : null}

      {!canPublish ? (
        <p className="muted">{call.role === "listener" ? t("prejoin.listener") : t("prejoin.publishingStopped")}</p>
      ) : !mediaAvailable() ? (
        <p className="alert alert--error">{t("prejoin.insecure")}</p>
      ) : (
        <div className="call-prejoin__devices">
          <Preview track={choices.camera ? videoTrack : undefined} />
          <div className="call-prejoin__choices">
            <label className="choice">
              <input type="checkbox" checked={choices.camera} onChange={(event) => set({ camera: event.target.checked })} />
              {t("prejoin.cameraOn")}
            </label>
            {choices.camera && active ? (
              <DeviceSelect kind="videoinput" label={t("prejoin.camera")} value={choices.cameraId} onChange={(cameraId) => set({ cameraId })} />
            ) : null}
            <label className="choice">
              <input type="checkbox" checked={choices.microphone} onChange={(event) => set({ microphone: event.target.checked })} />
              {t("prejoin.microphoneOn")}
            </label>
            {choices.microphone && active ? (
              <DeviceSelect kind="audioinput" label={t("prejoin.microphone")} value={choices.microphoneId} onChange={(microphoneId) => set({ microphoneId })} />
            ) : null}
            {choices.microphone && audioTrack ? <MicrophoneLevel track={audioTrack} /> : null}
            {previewError ? (
              <p className="alert alert--error" role="alert">
                {t("prejoin.deviceError")}
              </p>
            ) : null}
          </div>
        </div>
      )}
      <label className="choice">
        <input type="checkbox" checked={choices.hear} onChange={(event) => set({ hear: event.target.checked })} />
        {t("prejoin.hear")}
      </label>
      <button type="submit" className="button button--primary">
        {t("prejoin.join")}
      </button>
    </form>
  );
}
