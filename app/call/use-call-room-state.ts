import { useCallback, useEffect, useState } from "react";
import type { RoomKey } from "~/live/protocol";
import { fetchCallRoomState, sendCallAction } from "./api";
import type { CallAction, CallErrorCode, CallRoomState } from "./protocol";

// While a recording starts or runs, its status moves with LiveKit's reports: look again now and then.
const RECORDING_REFRESH_MS = 15_000;

/** The room's call settings and recordings, and the facilitators' actions on them. */
export function useCallRoomState({ workshopId, room, initialPublish }: { workshopId: string; room: RoomKey; initialPublish: boolean }) {
  const [state, setState] = useState<CallRoomState>({ participantsPublish: initialPublish, recordings: [], removed: [] });
  const [error, setError] = useState<CallErrorCode | null>(null);
  const [pending, setPending] = useState(false);

  const refresh = useCallback(async () => {
    const answer = await fetchCallRoomState({ workshopId, room });
    if (answer.ok) setState(answer.data);
  }, [workshopId, room]);

  useEffect(() => {
    setState({ participantsPublish: initialPublish, recordings: [], removed: [] });
    setError(null);
    void refresh();
    // The initial value only seeds each room; the server's answer replaces it.
  }, [refresh]);

  const recording = state.recordings.some((candidate) => candidate.status === "STARTING" || candidate.status === "ACTIVE");
  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => void refresh(), RECORDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [recording, refresh]);

  const act = useCallback(
    async (action: CallAction) => {
      setPending(true);
      setError(null);
      const answer = await sendCallAction({ workshopId, room, action });
      setPending(false);
      if (answer.ok) setState(answer.data);
      else setError(answer.error);
      return answer.ok;
    },
    [workshopId, room],
  );

  return { state, error, pending, act };
}

export type CallRoomControls = ReturnType<typeof useCallRoomState>;
