import type { RoomKey } from "~/live/protocol";
import { CALL_ERRORS, callRoomQuery, type CallAction, type CallDevice, type CallErrorCode, type CallRoomState, type CallTokenAnswer } from "./protocol";

export type CallAnswer<T> = { ok: true; data: T } | { ok: false; error: CallErrorCode };

async function callRoute<T>(url: string, init?: RequestInit): Promise<CallAnswer<T>> {
  try {
    const response = await fetch(url, { credentials: "same-origin", ...init });
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    if (response.ok && body) return { ok: true, data: body as T };
    const code = CALL_ERRORS.find((known) => known === body?.error);
    return { ok: false, error: code ?? "unavailable" };
  } catch {
    return { ok: false, error: "network" };
  }
}

/** A token for this room, from `GET /api/livekit/token`. */
export function fetchCallToken({ workshopId, room, device }: { workshopId: string; room: RoomKey; device: CallDevice }) {
  const query = callRoomQuery({ workshopId, room });
  if (device === "room") query.set("device", "room");
  return callRoute<CallTokenAnswer>(`/api/livekit/token?${query}`);
}

export function fetchCallRoomState({ workshopId, room }: { workshopId: string; room: RoomKey }) {
  return callRoute<CallRoomState>(`/api/livekit/room?${callRoomQuery({ workshopId, room })}`);
}

/** A facilitator's action on the room's call; answers with the room's state after it. */
export function sendCallAction({ workshopId, room, action }: { workshopId: string; room: RoomKey; action: CallAction }) {
  return callRoute<CallRoomState>(`/api/livekit/room?${callRoomQuery({ workshopId, room })}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
}
