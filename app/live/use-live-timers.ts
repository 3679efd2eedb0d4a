import { useEffect, useState } from "react";
import type { TimerEvent, TimersState } from "./tools-protocol";
import type { LiveRoom } from "./use-live-room";

const NO_TIMERS: TimersState = { room: null, allSessions: null };

/** The room's timers kept current: the snapshot at every (re)join, then each change. Shared by the panel and the screen. */
export function useLiveTimers(live: LiveRoom): TimersState {
  const [timers, setTimers] = useState<TimersState>(NO_TIMERS);
  useEffect(() => {
    setTimers((live.snapshot?.features.timers as TimersState | undefined) ?? NO_TIMERS);
    // Only a (re)join brings a new snapshot of the timers; between joins, events keep them current.
  }, [live.joinVersion]);
  useEffect(() => live.on<TimerEvent>("timer:state", ({ scope, timer }) => setTimers((current) => ({ ...current, [scope]: timer }))), [live.on]);
  return timers;
}
