/**
 * What the browser and the live server say to each other over socket.io. Shared by both sides so a change of shape
 * is a type error on both. Events are named `domain:verb`; every request is acknowledged with a LiveAck.
 */
export const PLENARY = "plenary";

/** A live room: the workshop's plenary, or one of its parallel sessions (by id). */
export type RoomKey = string;

export type LiveAck<T = unknown> = { ok: true; data: T } | { ok: false; error: LiveErrorCode };

/** Error codes, translated in the browser as `live:errors.<code>`. */
export const LIVE_ERRORS = [
  "unauthenticated",
  "forbidden",
  "invalidPayload",
  "rateLimited",
  "notFound",
  "notInRoom",
  "muted",
  "pollClosed",
  "sessionFull",
  "internal",
  // Only ever produced in the browser: no answer came (the connection is down or too slow).
  "offline",
] as const;
export type LiveErrorCode = (typeof LIVE_ERRORS)[number];

export type AttendanceMode = "IN_PERSON" | "REMOTE";

export interface PresentPerson {
  userId: string;
  name: string;
  mode: AttendanceMode;
}

/** Who I am in this room, as the server decided. */
export interface RoomSelf {
  userId: string;
  name: string;
  role: string;
  /** May run this room (organisers, and the facilitators of this session). */
  isFacilitator: boolean;
  isOrganiser: boolean;
  /** May speak: raise a hand, chat, ask, vote (observers only follow). */
  canParticipate: boolean;
  mode: AttendanceMode;
}

export interface AgendaItemView {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** The state of a room when joining or re-joining; each feature adds its part under its own key. */
export interface RoomSnapshot {
  workshopId: string;
  room: RoomKey;
  self: RoomSelf;
  present: PresentPerson[];
  currentAgendaItem: AgendaItemView | null;
  stage: "PLENARY" | "PARALLEL";
  /** Server clock when the snapshot was taken, to align timers whatever the device's clock says. */
  serverNow: number;
  features: Record<string, unknown>;
}

export interface JoinRoomRequest {
  workshopId: string;
  room: RoomKey;
  /** The room's projector screen (facilitators only): follows the room without counting as present. */
  display?: boolean;
}
