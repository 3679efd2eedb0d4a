import { getDb } from "~/db/client.server";
import type { RoomKey } from "~/live/protocol";
import { startedTimer, type RoomTimers, type TimerScope, type TimerState, type TimerView } from "~/live/timer-clock";

type Scoped = { workshopId: string; room: RoomKey; scope: TimerScope };

// The stored scope of the all-sessions timer; other rows are keyed by their room ("plenary" or a session id).
const ALL_SESSIONS = "all";
const storedScope = (room: RoomKey, scope: TimerScope) => (scope === "allSessions" ? ALL_SESSIONS : room);

interface TimerRow {
  durationMs: number;
  endsAt: Date | null;
  remainingMs: number | null;
}

const toView = (scope: TimerScope, row: TimerRow): TimerView => ({
  scope,
  durationMs: row.durationMs,
  endsAt: row.endsAt?.getTime() ?? null,
  remainingMs: row.remainingMs,
});

const toRow = (state: TimerState) => ({
  durationMs: state.durationMs,
  endsAt: state.endsAt === null ? null : new Date(state.endsAt),
  remainingMs: state.remainingMs,
});

/** The room's own timer and the all-sessions one; the plenary shows the all-sessions one too (see realtime/live/timers.ts). */
export async function getRoomTimers({ workshopId, room }: { workshopId: string; room: RoomKey }): Promise<RoomTimers> {
  const rows = await getDb().liveTimer.findMany({ where: { workshopId, scope: { in: [room, ALL_SESSIONS] } } });
  const own = rows.find((row) => row.scope === room);
  const all = rows.find((row) => row.scope === ALL_SESSIONS);
  return { room: own ? toView("room", own) : null, allSessions: all ? toView("allSessions", all) : null };
}

/** Starts a countdown, replacing whatever timer had that scope. */
export async function startTimer({ workshopId, room, scope, durationMs, startedById }: Scoped & { durationMs: number; startedById: string }) {
  const key = { workshopId, scope: storedScope(room, scope) };
  const data = { ...toRow(startedTimer(durationMs, Date.now())), startedById };
  const row = await getDb().liveTimer.upsert({ where: { workshopId_scope: key }, create: { ...key, ...data }, update: data });
  return toView(scope, row);
}

/**
 * Applies a change (pause, resume, extend) computed from the stored state and the server's clock. Two facilitators
 * pressing at once must not both act on the same old state: the write only succeeds if the state is still the one
 * the change was computed from, otherwise it is computed again. Returns null when there is no such timer.
 */
export async function changeTimer({ workshopId, room, scope, change }: Scoped & { change: (timer: TimerState, now: number) => TimerState }) {
  const db = getDb();
  const key = { workshopId, scope: storedScope(room, scope) };
  for (;;) {
    const current = await db.liveTimer.findUnique({ where: { workshopId_scope: key } });
    if (!current) return null;
    const next = toRow(change(toView(scope, current), Date.now()));
    const { count } = await db.liveTimer.updateMany({
      where: { ...key, durationMs: current.durationMs, endsAt: current.endsAt, remainingMs: current.remainingMs },
      data: next,
    });
    if (count === 1) return toView(scope, next);
  }
}

/** Returns whether there was a timer to stop. */
export async function stopTimer({ workshopId, room, scope }: Scoped) {
  const { count } = await getDb().liveTimer.deleteMany({ where: { workshopId, scope: storedScope(room, scope) } });
  return count > 0;
}
