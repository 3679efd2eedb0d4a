import { LiveKitRoom, RoomAudioRenderer, useAudioPlayback, useConnectionState, useLocalParticipant, useLocalParticipantPermissions, useTracks } from "@livekit/components-react";
import { ConnectionState, DisconnectReason, Room, RoomEvent, Track, VideoPresets } from "livekit-client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchCallToken } from "~/call/api";
import type { CallErrorCode, CallPanelData, CallTokenAnswer } from "~/call/protocol";
import type { CallRoomControls } from "~/call/use-call-room-state";
import type { RoomKey } from "~/live/protocol";
import { CallControls } from "./call-controls";
import { CallParticipants } from "./call-participants";
import { CallQuality } from "./call-tile";
import { CallGrid, CallSpeaker } from "./call-views";
import { mayPublish, type CallChoices } from "./choices";
import { shownOnProjector } from "./participants";

type Call = Extract<CallPanelData, { configured: true }>;
type SessionError = CallErrorCode | "connectFailed" | "duplicate" | "ended" | "lost";

// livekit-client resumes a dropped connection by itself; these are rejoins with a fresh token after it gave up.
const MAX_REJOINS = 5;
const REJOIN_DELAY_MS = 2_000;

function ConnectionLine() {
  const { t } = useTranslation("call");
  const state = useConnectionState();
  const { localParticipant } = useLocalParticipant();
  const key =
    state === ConnectionState.Connected
      ? "connected"
      : state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting
        ? "reconnecting"
        : state === ConnectionState.Connecting
          ? "connecting"
          : "disconnected";
  return (
    <div className="call-connection">
      <p className={`call-connection__state call-connection__state--${key}`} role="status">
        {t(`connection.${key}`)}
      </p>
      {state === ConnectionState.Connected ? (
        <p className="call-connection__quality">
          {t("connection.yours")} <CallQuality participant={localParticipant} />
        </p>
      ) : null}
    </div>
  );
}

/** What is on screen once connected: the people, the controls, and the facilitators' list. */
function CallStage({ call, choices, controls, onLeave }: { call: Call; choices: CallChoices; controls: CallRoomControls; onLeave: () => void }) {
  const { t } = useTranslation("call");
  const stageRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<"grid" | "speaker">("grid");
  const [hear, setHear] = useState(choices.hear);
  const { canPlayAudio, startAudio } = useAudioPlayback();
  const permissions = useLocalParticipantPermissions();
  const roomDevice = choices.device === "room";
  const allTracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { onlySubscribed: false },
  );
  const tracks = roomDevice ? allTracks.filter((trackRef) => shownOnProjector(trackRef.participant) || (trackRef.source === Track.Source.ScreenShare && !trackRef.participant.isLocal)) : allTracks;
  const silenced = call.role === "participant" && !roomDevice && !mayPublish(permissions, Track.Source.Microphone) && !mayPublish(permissions, Track.Source.Camera);

  return (
    <>
      <ConnectionLine />
      {silenced ? <p className="muted">{t("session.publishingStopped")}</p> : null}
      {hear && !canPlayAudio ? (
        <button type="button" className="button button--primary" onClick={() => void startAudio()}>
          {t("controls.startAudio")}
        </button>
      ) : null}
      <div ref={stageRef} className={`call-stage${roomDevice ? " call-stage--room" : ""}`}>
        {tracks.length === 0 ? <p className="call-stage__empty">{roomDevice ? t("session.nobodyRemote") : t("session.alone")}</p> : view === "grid" ? <CallGrid tracks={tracks} /> : <CallSpeaker tracks={tracks} />}
      </div>
      <CallControls
        view={view}
        onView={setView}
        hear={hear}
        onHear={setHear}
        stage={roomDevice ? stageRef : null}
        onLeave={onLeave}
      />
      {call.isFacilitator && !roomDevice ? <CallParticipants controls={controls} /> : null}
      <RoomAudioRenderer muted={!hear} />
    </>
  );
}

/**
 * One connection to the room's call: a token for this room (a new one when the page moves to another room), then
 * LiveKit. Being removed, joining from another device with the same account, or the room ending say so; a
 * connection lost for good is rejoined a few times before giving up.
 */
export function CallSession({
  workshopId,
  room,
  call,
  choices,
  controls,
  onLeave,
  onRemoved,
}: {
  workshopId: string;
  room: RoomKey;
  call: Call;
  choices: CallChoices;
  controls: CallRoomControls;
  onLeave: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation("call");
  const [token, setToken] = useState<CallTokenAnswer | null>(null);
  const [error, setError] = useState<SessionError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [mediaError, setMediaError] = useState(false);
  const rejoins = useRef(0);
  // Rejoining on our own is for a call that worked and was lost; a server never reached is for the person to retry.
  const everConnected = useRef(false);

  useEffect(() => {
    let cancelled = false;
    setToken(null);
    setError(null);
    void fetchCallToken({ workshopId, room, device: choices.device }).then((answer) => {
      if (cancelled) return;
      if (answer.ok) setToken(answer.data);
      else if (answer.error === "removed") onRemoved();
      else setError(answer.error);
    });
    return () => {
      cancelled = true;
    };
    // A new room or a new attempt asks for a new token; choices only change before joining.
  }, [workshopId, room, attempt]);

  const lkRoom = useMemo(
    () =>
      token
        ? new Room({
            adaptiveStream: true,
            dynacast: true,
            videoCaptureDefaults: { deviceId: choices.cameraId ?? undefined, resolution: VideoPresets.h720.resolution },
            audioCaptureDefaults: { deviceId: choices.microphoneId ?? undefined, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
          })
        : null,
    [token],
  );

  useEffect(() => {
    if (!lkRoom) return;
    const onDisconnected = (reason?: DisconnectReason) => {
      switch (reason) {
        case DisconnectReason.CLIENT_INITIATED:
          return;
        case DisconnectReason.PARTICIPANT_REMOVED:
          onRemoved();
          return;
        case DisconnectReason.DUPLICATE_IDENTITY:
          setError("duplicate");
          return;
        case DisconnectReason.ROOM_DELETED:
        case DisconnectReason.ROOM_CLOSED:
          setError("ended");
          return;
        default:
          if (!everConnected.current) {
            setError("connectFailed");
            return;
          }
          if (rejoins.current >= MAX_REJOINS) {
            setError("lost");
            return;
          }
          rejoins.current += 1;
          setTimeout(() => setAttempt((current) => current + 1), REJOIN_DELAY_MS * rejoins.current);
      }
    };
    lkRoom.on(RoomEvent.Disconnected, onDisconnected);
    return () => {
      lkRoom.off(RoomEvent.Disconnected, onDisconnected);
    };
  }, [lkRoom, onRemoved]);

  // Publish what was chosen once per connection; LiveKit's own reconnections keep what is published (and muted).
  const published = useRef<Room | null>(null);
  const onConnected = useCallback(async () => {
    rejoins.current = 0;
    everConnected.current = true;
    if (!lkRoom || published.current === lkRoom) return;
    published.current = lkRoom;
    const local = lkRoom.localParticipant;
    try {
      if (choices.microphone && mayPublish(local.permissions, Track.Source.Microphone)) await local.setMicrophoneEnabled(true);
      if (choices.camera && mayPublish(local.permissions, Track.Source.Camera)) await local.setCameraEnabled(true);
    } catch {
      setMediaError(true);
    }
  }, [lkRoom, choices]);

  const onError = useCallback(() => {
    if (lkRoom?.state === ConnectionState.Disconnected) setError("connectFailed");
  }, [lkRoom]);

  if (error) {
    return (
      <div className="alert alert--error call-session__error" role="alert">
        <p>{t(`errors.${error}`)}</p>
        <div className="row">
          <button type="button" className="button" onClick={() => setAttempt((current) => current + 1)}>
            {t("session.retry")}
          </button>
          <button type="button" className="button button--quiet" onClick={onLeave}>
            {t("session.back")}
          </button>
        </div>
      </div>
    );
  }
  if (!token || !lkRoom) return <p className="muted">{t("connection.connecting")}</p>;
  return (
    <LiveKitRoom
      room={lkRoom}
      serverUrl={token.serverUrl}
      token={token.token}
      connect
      onConnected={() => void onConnected()}
      onError={onError}
      className="call-session"
      data-lk-theme="default"
    >
      {mediaError ? (
        <p className="alert alert--error" role="alert">
          {t("prejoin.deviceError")}
        </p>
      ) : null}
      <CallStage call={call} choices={choices} controls={controls} onLeave={onLeave} />
    </LiveKitRoom>
  );
}
