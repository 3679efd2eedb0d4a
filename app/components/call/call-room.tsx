import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallPanelData } from "~/call/protocol";
import { useCallRoomState } from "~/call/use-call-room-state";
import type { RoomKey } from "~/live/protocol";
import { CallPrejoin } from "./call-prejoin";
import { CallRecordings } from "./call-recordings";
import { CallRoomSettings } from "./call-room-settings";
import { CallSession } from "./call-session";
import { defaultChoices, type CallChoices } from "./choices";

type Phase = "prejoin" | "joined" | "removed";

/**
 * The call of one live room, in the browser only: check devices, join, and stay joined when the page moves to
 * another room (a facilitator's move, the parallel sessions starting): the call then reconnects to the new room.
 */
export default function CallRoom({
  workshopId,
  room,
  call,
  timeZone,
  visible,
}: {
  workshopId: string;
  room: RoomKey;
  timeZone: string;
  call: Extract<CallPanelData, { configured: true }>;
  visible: boolean;
}) {
  const { t } = useTranslation("call");
  const [phase, setPhase] = useState<Phase>("prejoin");
  const [choices, setChoices] = useState<CallChoices>(() => defaultChoices(call));
  const controls = useCallRoomState({ workshopId, room, initialPublish: call.participantsPublish });

  // Being removed was from the previous room's call only.
  useEffect(() => setPhase((current) => (current === "removed" ? "prejoin" : current)), [room]);

  return (
    <div className="call-room">
      {phase === "removed" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("errors.removed")}</p>
        </div>
      ) : phase === "joined" ? (
        <CallSession
          workshopId={workshopId}
          room={room}
          call={call}
          choices={choices}
          controls={controls}
          onLeave={() => setPhase("prejoin")}
          onRemoved={() => setPhase("removed")}
        />
      ) : (
        <CallPrejoin
          call={call}
          choices={choices}
          participantsPublish={controls.state.participantsPublish}
          active={visible}
          onChange={setChoices}
          onJoin={() => setPhase("joined")}
        />
      )}
      {call.isFacilitator ? <CallRoomSettings controls={controls} /> : null}
      <CallRecordings recordings={controls.state.recordings} timeZone={timeZone} controls={call.isFacilitator ? controls : null} />
    </div>
  );
}
