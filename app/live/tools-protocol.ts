import type { AttendanceMode, RoomKey } from "./protocol";
import type { RoomTimers, TimerScope, TimerView } from "./timer-clock";

/**
 * What the hands, timers and help events carry, shared by the live server and the room's panels.
 *
 * Hands: `hand:raise`, `hand:lower` { userId? }, `hand:lowerAll` → `hand:queue` (HandsState) to the room.
 * Timers: `timer:start` { durationMs, scope }, `timer:pause` | `timer:resume` | `timer:stop` { scope },
 *   `timer:extend` { scope, ms } → `timer:state` (TimerEvent) to the room, or to every room for all sessions.
 * Help: `help:request`, `help:cancel`, `help:resolve` { requestId } → `help:state` (HelpStateEvent) to the person
 *   who asked, `help:requests` (HelpRequestsEvent) to the organisers.
 */
export interface HandInQueue {
  userId: string;
  name: string;
  mode: AttendanceMode;
  raisedAt: string;
}

export interface HandsState {
  /** Oldest raised hand first. */
  queue: HandInQueue[];
}

export type TimersState = RoomTimers;

export interface TimerEvent {
  scope: TimerScope;
  timer: TimerView | null;
}

export type HelpStatus = "open" | "answered" | "cancelled";

export interface HelpRequestView {
  id: string;
  room: RoomKey;
  /** The session's title; null for the plenary. */
  roomTitle: string | null;
  userId: string;
  name: string;
  mode: AttendanceMode;
  createdAt: string;
  status: HelpStatus;
}

export interface HelpState {
  /** My open request in this room. */
  mine: HelpRequestView | null;
  /** Every open request of the workshop, oldest first; only organisers receive them. */
  open: HelpRequestView[];
}

export interface HelpStateEvent {
  request: HelpRequestView;
}

export interface HelpRequestsEvent {
  open: HelpRequestView[];
}
